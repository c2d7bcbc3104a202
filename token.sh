#!/usr/bin/env bash
# Prints a bearer token that the local stack's services trust, signed with the development key that ./start.sh
# made in .local-stack/secrets/ (or $ARDOISE_STACK_DIR/secrets/):
#   ./token.sh ROLE [--store MAIN] [--user anne] [--register R1] [--ttl 8h]
#   MANAGER=$(./token.sh MANAGER --user anne); curl -H "Authorization: Bearer $MANAGER" ...
# Only the token goes to standard output; anything else goes to standard error.
set -euo pipefail
cd "$(dirname "$0")"

if [[ ! -e local-stack/target/classpath.txt || ! -e local-stack/target/classes/dev/ardoise/localstack/TokenCommand.class ]]; then
  echo "Building the local stack's launcher (once)..." >&2
  mvn -B -q -DskipTests -pl local-stack -am package >&2
fi
exec java -Dardoise.home="$PWD" -cp "local-stack/target/classes:$(cat local-stack/target/classpath.txt)" \
  dev.ardoise.localstack.TokenCommand "$@"
