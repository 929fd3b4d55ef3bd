// One MongoDB user per service, each with readWrite on its own database only. Run by the mongo image's entrypoint
// (as the root user) on the first start of an empty data volume; idempotent, so it is also how a password is
// rotated: set the new MONGO_*_PASSWORD and run it again (SECURITY.md).
const services = [
  ['contract-service', 'contracts', 'MONGO_CONTRACT_SERVICE_PASSWORD'],
  ['kpi-service', 'kpi', 'MONGO_KPI_SERVICE_PASSWORD'],
  ['rag-service', 'ratings', 'MONGO_RAG_SERVICE_PASSWORD'],
  ['deepdive-service', 'deepdives', 'MONGO_DEEPDIVE_SERVICE_PASSWORD'],
  ['gateway', 'gateway', 'MONGO_GATEWAY_PASSWORD'],
];

for (const [user, database, variable] of services) {
  const password = process.env[variable];
  if (!password) {
    throw new Error(variable + ' is not set: every service needs its own MongoDB password');
  }
  const target = db.getSiblingDB(database);
  const roles = [{ role: 'readWrite', db: database }];
  if (target.getUser(user)) {
    target.updateUser(user, { pwd: password, roles: roles });
    print('mongo user ' + user + ': password and roles updated (readWrite on ' + database + ')');
  } else {
    target.createUser({ user: user, pwd: password, roles: roles });
    print('mongo user ' + user + ': created (readWrite on ' + database + ')');
  }
}
