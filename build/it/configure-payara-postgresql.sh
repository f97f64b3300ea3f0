#!/usr/bin/env bash
# Points a Payara domain's default datasource (jdbc/__default) at PostgreSQL, by the asadmin commands of the docs'
# production section, on the domain started for the purpose and stopped again.
#   configure-payara-postgresql.sh <payara-home> <domain> <admin-port> <postgresql-jdbc.jar> <port> <database>
set -euo pipefail
home=$1
domain=$2
export AS_ADMIN_PORT=$3
driver=$4
port=$5
database=$6
asadmin="$home/bin/asadmin --interactive=false"
export AS_START_TIMEOUT=${AS_START_TIMEOUT:-180000}

$asadmin start-domain "$domain"
trap '$asadmin stop-domain "$domain" >/dev/null 2>&1 || true' EXIT
$asadmin add-library --type common "$driver"
# the library is read when the server starts
$asadmin restart-domain "$domain"
$asadmin create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
  --isconnectvalidatereq=true --validationmethod=custom-validation \
  --validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation --failconnection=true \
  --property "serverName=localhost:portNumber=$port:databaseName=$database:user=jwtbearer:password=jwtbearer" JwtBearerPool
$asadmin ping-connection-pool JwtBearerPool
$asadmin set resources.jdbc-resource.jdbc/__default.pool-name=JwtBearerPool
$asadmin stop-domain "$domain"
trap - EXIT
