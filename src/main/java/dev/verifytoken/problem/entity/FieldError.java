package dev.verifytoken.problem.entity;

/**
 * One bad request field: its name, a stable code a program can test, and a sentence for a person.
 */
public record FieldError(String field, String code, String detail) {
}
