# The harness as a container image, for injectors on many machines (deploy/kubernetes/, docs/kubernetes.md).
# Build from the project folder:
#
#   docker build -f docker/harness.Dockerfile -t port-exhaustion-lab-harness:0.1.0 .
#
# The build stage compiles the harness and its simulations with Maven; the runtime stage holds a JRE,
# the compiled classes, the runtime dependencies and the two entry scripts, and runs as a user without
# privileges. Base images are pinned to a release; pin them by digest in your registry for byte-for-byte
# rebuilds.

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY src ./src
COPY simulations ./simulations
# Compiles main and test sources (the simulations are test sources) and copies the runtime dependencies
# (Gatling included) into target/lib. The simulations (the top-level ones and each package folder of
# simulations/, so that SIMULATIONS may name any of them) and their logging configuration are kept apart
# from the project's own tests, which the image does not need.
RUN mvn -B -ntp -DskipTests test-compile dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib \
    && mkdir target/simulations \
    && cp -r target/test-classes/*.class target/test-classes/examples target/test-classes/fleet target/test-classes/idle \
       target/test-classes/logback-test.xml target/simulations/

FROM eclipse-temurin:17.0.15_6-jre-noble
RUN groupadd --system --gid 10001 harness \
    && useradd --system --no-log-init --uid 10001 --gid harness --home-dir /home/harness --create-home --shell /usr/sbin/nologin harness
COPY --from=build /src/target/classes /opt/harness/classes
COPY --from=build /src/target/simulations /opt/harness/simulations
COPY --from=build /src/target/lib /opt/harness/lib
COPY docker/harness-bin /opt/harness/bin
# The client JIT compiler only, as the pom gives Gatling's fork: a simulation lasts seconds (docs/settings.md).
ENV PATH="/opt/harness/bin:${PATH}" \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:TieredStopAtLevel=1"
USER 10001:10001
WORKDIR /home/harness
ENTRYPOINT ["/opt/harness/bin/run-injector"]
