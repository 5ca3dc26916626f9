package dev.verifytoken.http.boundary;

import dev.verifytoken.problem.boundary.ProblemAnswers;
import dev.verifytoken.problem.entity.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Answers {@code TRACE} with 405 problem+json on every path, and never echoes the request (a servlet's default
 * {@code doTrace} would send its headers back). Payara's HTTP listener refuses TRACE itself, with an empty 405,
 * unless it is told to let TRACE through ({@code trace-enabled=true} in {@code server-config}'s post-boot
 * commands): then this filter gives the answer.
 */
public class TraceRefusal extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("TRACE".equals(request.getMethod())) {
            ProblemAnswers.write(response, Problem.ofStatus(405, "Method Not Allowed",
                    "TRACE is not answered here. Tokens are issued by POST /verify/token.")
                    .withHeader("Allow", "GET, HEAD, POST, OPTIONS"));
            return;
        }
        chain.doFilter(request, response);
    }
}
