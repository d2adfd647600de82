# ncp-rollout-bot: build the shaded jar with Maven, run it on a JRE as a non-root user.
#   docker build -t ncp-rollout-bot .
#   docker run --rm -e SLACK_BOT_TOKEN -e SLACK_APP_TOKEN -e NCP_ACCESS_KEY -e NCP_SECRET_KEY \
#              -v rollout-data:/data -p 3000:3000 ncp-rollout-bot
# Secrets come from the environment at run time only; none is copied into the image.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, from the pom alone: this layer is rebuilt only when pom.xml changes.
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src ./src
# The tests run in CI (mvn verify); the image build only packages.
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# A fixed non-root uid/gid, so a mounted /data can be chowned to it from outside.
RUN groupadd --system --gid 10001 rollout \
 && useradd --system --no-log-init --uid 10001 --gid rollout --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin rollout \
 && mkdir -p /app /data \
 && chown rollout:rollout /data
WORKDIR /app
COPY --from=build /src/target/ncp-rollout-bot.jar /app/ncp-rollout-bot.jar
ENV DATA_DIR=/data \
    PORT=3000
VOLUME ["/data"]
# HTTP mode: Slack requests at /slack/events on 3000, /healthz and /metrics on METRICS_PORT (default 9090, keep it
# off the internet); Socket Mode: /healthz and /metrics on 3000.
EXPOSE 3000 9090
USER 10001:10001
# The JRE image may have neither curl nor wget: the jar asks its own /healthz (the port is worked out from the
# environment as the bot does: METRICS_PORT, else PORT in Socket Mode, 9090 in HTTP mode).
HEALTHCHECK --interval=30s --timeout=10s --start-period=40s --retries=3 \
  CMD ["java", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "/app/ncp-rollout-bot.jar", "healthcheck"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/ncp-rollout-bot.jar"]
