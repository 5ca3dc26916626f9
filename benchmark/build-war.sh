# Sourced by benchmark/run.sh and benchmark/profile.sh: builds the production WAR and a copy of it with the no-op
# endpoints ($out/verify-token-benchmark.war), and the test classpath ($out/test.classpath).
mvn -B -q package -DskipTests
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$out/test.classpath" -Dmdep.includeScope=test
# the no-op endpoints are test sources (src/test/java/.../benchmark), compiled by the build, never in the WAR itself
rm -rf "$out/war" && mkdir -p "$out/war/WEB-INF/classes/dev/verifytoken/benchmark"
cp target/test-classes/dev/verifytoken/benchmark/NoOp*.class "$out/war/WEB-INF/classes/dev/verifytoken/benchmark/"
cp target/verify-token.war "$out/verify-token-benchmark.war"
(cd "$out/war" && jar uf ../verify-token-benchmark.war WEB-INF/classes)
