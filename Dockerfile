# CarePath: build the fat jar, then run it on a JRE as a non-root user.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
COPY processes processes
COPY forms forms
RUN chmod +x mvnw && ./mvnw -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system carepath && useradd --system --gid carepath --home-dir /app carepath
WORKDIR /app
COPY --from=build /workspace/target/carepath.jar /app/carepath.jar
RUN chown -R carepath:carepath /app
USER carepath
EXPOSE 8080
ENTRYPOINT ["java","-jar","/app/carepath.jar"]
