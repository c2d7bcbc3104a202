#!/usr/bin/env bash
# Starts the whole of Ardoise on this machine, without Docker: PostgreSQL, a Kafka broker, an SMTP server
# that keeps the mail, the three services and the console. Builds what is missing first. Ctrl-C stops everything.
# At its first start it makes its secrets in .local-stack/secrets/ (token signing key, database, SMTP, payment-link
# and Kafka passwords, the console users' password) and keeps them; once running it prints the console's address
# and users, and a token per role (./token.sh makes others).
# ARDOISE_CLUSTER=true ./start.sh starts the cluster instead: three Kafka nodes and two instances of each service
# behind a balancer on the same ports (docs/reliability.md).
# Ports and folders can be changed with environment variables: see docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")"

jars=(account-service/target/quarkus-app/quarkus-run.jar invoice-service/target/quarkus-app/quarkus-run.jar
      notification-service/target/quarkus-app/quarkus-run.jar console/target/quarkus-app/quarkus-run.jar
      local-stack/target/classpath.txt
      local-stack/target/greenmail-standalone.jar)
build=false
for jar in "${jars[@]}"; do [[ -e "$jar" ]] || build=true; done
if [[ $build == false ]] && [[ -n "$(find . -path ./.local-stack -prune -o -path '*/target' -prune -o -type f \
      \( -name '*.java' -o -name '*.properties' -o -name '*.sql' -o -name '*.html' -o -name '*.css' -o -name '*.js' -o -name '*.txt' -o -name pom.xml \) \
      -newer "${jars[0]}" -print -quit)" ]]; then
  build=true
fi
if [[ $build == true ]]; then
  echo "Building Ardoise (tests are skipped here; run them with: mvn verify)..."
  mvn -B -q -DskipTests package
fi

# The stack runs in a session of its own, so that Ctrl-C does not reach every process at once: this script
# asks the launcher to stop, and it stops the services first, then the broker, the mail server and the database.
setsid java -Xmx256m -Dardoise.home="$PWD" \
  -cp "local-stack/target/classes:$(cat local-stack/target/classpath.txt)" dev.ardoise.localstack.LocalStack &
stack=$!
trap 'kill -TERM "$stack" 2>/dev/null' INT TERM HUP
status=0
while kill -0 "$stack" 2>/dev/null; do
  wait "$stack" && status=0 || status=$?
done
exit "$status"
