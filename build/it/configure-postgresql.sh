#!/usr/bin/env bash
# Makes <jboss-home>/standalone/configuration/standalone-postgresql.xml: standalone.xml with its default datasource
# on PostgreSQL, by the commands of docs/production.md (run offline, on an embedded server). The URL comes from the
# system property jwtbearer.datasource.url, so one server can run several nodes on several databases, and the
# password from the environment variable JWTBEARER_DB_PASSWORD (default jwtbearer), never from a command line.
#   configure-postgresql.sh <jboss-home> <postgresql-jdbc.jar>
set -euo pipefail
home=${1:?usage: configure-postgresql.sh <jboss-home> <postgresql-jdbc.jar>}
driver=${2:?usage: configure-postgresql.sh <jboss-home> <postgresql-jdbc.jar>}
[ -x "$home/bin/jboss-cli.sh" ] || { echo "$home is not a WildFly home" >&2; exit 1; }
[ -f "$driver" ] || { echo "$driver: no such file" >&2; exit 1; }
config=$home/standalone/configuration
cp "$config/standalone.xml" "$config/standalone-postgresql.xml"
rm -rf "$home/modules/org/postgresql"
"$home/bin/jboss-cli.sh" --echo-command <<CLI
embed-server --server-config=standalone-postgresql.xml --std-out=discard
module add --name=org.postgresql --resources=$driver --dependencies=jakarta.transaction.api,java.sql
/subsystem=datasources/jdbc-driver=postgresql:add(driver-name=postgresql, driver-module-name=org.postgresql, driver-xa-datasource-class-name=org.postgresql.xa.PGXADataSource)
data-source add --name=JwtBearerDS --jndi-name=java:jboss/datasources/JwtBearerDS --driver-name=postgresql --connection-url=\${jwtbearer.datasource.url} --user-name=jwtbearer --password=\${env.JWTBEARER_DB_PASSWORD:jwtbearer} --validate-on-match=true --background-validation=false --valid-connection-checker-class-name=org.jboss.jca.adapters.jdbc.extensions.postgres.PostgreSQLValidConnectionChecker --exception-sorter-class-name=org.jboss.jca.adapters.jdbc.extensions.postgres.PostgreSQLExceptionSorter --blocking-timeout-wait-millis=5000
/subsystem=ee/service=default-bindings:write-attribute(name=datasource, value=java:jboss/datasources/JwtBearerDS)
stop-embedded-server
CLI
