// The Node.js driver against a MongoDB server, as a user's service would use it: run by
// NodeDriverConformanceIT against the embedded server (and runnable by hand against any server).
//
//   node conformance.mjs <uri> <uri of a server capped at N connections> <N>
//
// The driver is the package named by CONFORMANCE_DRIVER, 'mongodb' (the 7.x pinned in package.json)
// when it is not set; 'mongodb-6' is the 6.x pinned beside it.
//
// Prints one line, "CONFORMANCE key=value ...", and exits 0; or "CONFORMANCE-FAILED <step>: <error>"
// and exits 1. The capped server must have no other client while this runs.
import net from 'node:net';
import { createRequire } from 'node:module';

const driverPackage = process.env.CONFORMANCE_DRIVER || 'mongodb';
const { MongoClient, Decimal128 } = await import(driverPackage);

const [uri, cappedUri, capText] = process.argv.slice(2);
if (!uri || !cappedUri || !capText) {
  console.error('usage: node conformance.mjs <uri> <capped-uri> <cap>');
  process.exit(2);
}
const driverVersion = createRequire(import.meta.url)(`${driverPackage}/package.json`).version;
const HEARTBEAT_MS = 500; // the driver's shortest
const WATCH_MS = 3000;
const SELECTION_MS = 10000; // a server that is there answers at once; one that refuses this driver says why within this
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
let step = 'start';

function check(condition, what) {
  if (!condition) {
    throw new Error(what);
  }
}

/** A client that polls (no round-trip-time connection) and keeps one pool connection: it reads the server's figures. */
async function observer() {
  const client = new MongoClient(uri, { serverMonitoringMode: 'poll', maxPoolSize: 1, serverSelectionTimeoutMS: SELECTION_MS });
  await client.connect();
  return client;
}

async function totalCreated(client) {
  const status = await client.db('admin').command({ serverStatus: 1 });
  check(typeof status.connections?.totalCreated === 'number', 'serverStatus.connections.totalCreated missing: '
    + JSON.stringify(status.connections));
  return status.connections.totalCreated;
}

/** One streaming client's life: connect, one operation, the heartbeat window, close. Its sockets and awaited heartbeats. */
async function oneLifeCycle(watcher) {
  const before = await totalCreated(watcher);
  const client = new MongoClient(uri, { heartbeatFrequencyMS: HEARTBEAT_MS, serverSelectionTimeoutMS: SELECTION_MS });
  let awaited = 0;
  client.on('serverHeartbeatSucceeded', event => { if (event.awaited) awaited++; });
  await client.connect();
  await client.db('conformance').collection('lifecycle').findOne({});
  await sleep(WATCH_MS);
  await client.close();
  return { awaited, sockets: (await totalCreated(watcher)) - before };
}

/** CRUD and an aggregate with implicit sessions, then an explicit session; every command the client sends watched. */
async function crudAndSessions() {
  const client = new MongoClient(uri, { monitorCommands: true, serverSelectionTimeoutMS: SELECTION_MS });
  const started = [];
  const succeeded = [];
  client.on('commandStarted', event => started.push(event));
  client.on('commandSucceeded', event => succeeded.push(event.commandName));
  await client.connect();
  const collection = client.db('conformance').collection('crud_' + process.pid + '_' + Date.now());

  step = 'insert';
  check((await collection.insertMany([{ _id: 1, n: 1 }, { _id: 2, n: 2 }, { _id: 3, n: 3 }])).insertedCount === 3, 'inserted 3');
  step = 'find';
  const found = await collection.find({ n: { $gte: 2 } }).sort({ n: 1 }).toArray();
  check(JSON.stringify(found.map(d => d._id)) === '[2,3]', 'find n >= 2 gave ' + JSON.stringify(found));
  step = 'update';
  check((await collection.updateOne({ _id: 1 }, { $set: { n: 10 } })).modifiedCount === 1, 'updated 1');
  const upsert = await collection.updateOne({ _id: 4 }, { $set: { n: 4 } }, { upsert: true });
  check(upsert.upsertedCount === 1 && upsert.upsertedId === 4, 'upserted _id 4: ' + JSON.stringify(upsert));
  step = 'delete';
  check((await collection.deleteOne({ _id: 2 })).deletedCount === 1, 'deleted 1');
  step = 'aggregate';
  const [sum] = await collection.aggregate([{ $match: { n: { $gt: 0 } } }, { $group: { _id: null, total: { $sum: '$n' }, count: { $sum: 1 } } }])
    .toArray();
  check(sum?.total === 17 && sum?.count === 3, 'aggregate total 17 of 3 documents: ' + JSON.stringify(sum));

  step = 'explicit session';
  const implicit = started.length;
  const session = client.startSession();
  await collection.insertOne({ _id: 5, n: 5 }, { session });
  check((await collection.findOne({ _id: 5 }, { session }))?.n === 5, 'read back in the session');
  const sessionId = hex(session.id.id);
  await session.endSession();
  const inSession = started.slice(implicit).filter(e => e.commandName === 'insert' || e.commandName === 'find');
  check(inSession.length === 2 && inSession.every(e => e.command.lsid && hex(e.command.lsid.id) === sessionId),
    'the explicit session\'s id on its two commands');

  step = 'lsid';
  const operations = started.filter(e => e.commandName !== 'endSessions');
  const withLsid = operations.filter(e => e.command.lsid).length;
  check(withLsid === operations.length, `lsid on ${withLsid} of ${operations.length} commands`);

  step = 'endSessions';
  await client.close();
  check(succeeded.includes('endSessions'), 'endSessions sent on close and answered');
  return { lsid: `${withLsid}/${operations.length}` };
}

/**
 * What a standalone mongod refuses or forgives, met as a service meets it: a transaction (refused, nothing written), a
 * change stream (refused), a drop of a collection that is not there (done), inserts of three documents whose second
 * is a duplicate (ordered: 1 inserted; unordered: 2), an upsert's findAndModify reply, read whole
 * (includeResultMetadata): its lastErrorObject as n/updatedExisting/upserted, and a findAndModify that removes and
 * upserts (refused, code 9).
 */
async function standalone() {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: SELECTION_MS });
  await client.connect();
  try {
    const db = client.db('conformance');
    const collection = db.collection('standalone_' + process.pid + '_' + Date.now());
    step = 'transaction';
    const session = client.startSession();
    const transaction = await session.withTransaction(() => collection.insertOne({ _id: 1 }, { session }))
      .then(() => 'committed', error => errorCode(error));
    await session.endSession();
    const transactionWrites = await collection.countDocuments();
    step = 'change stream';
    const stream = collection.watch();
    const changeStream = await stream.tryNext().then(() => 'opened', error => errorCode(error));
    await stream.close();
    step = 'drop';
    check(await db.collection('never_created_' + process.pid).drop() === true, 'drop of a collection that is not there');
    step = 'duplicate key';
    await collection.insertOne({ _id: 'taken' });
    const inserted = [];
    for (const ordered of [true, false]) {
      const error = await collection.insertMany([{ _id: 'a' + ordered }, { _id: 'taken' }, { _id: 'b' + ordered }], { ordered })
        .then(() => null, failure => failure);
      check(error?.code === 11000, `a duplicate key error (ordered ${ordered}): ${error}`);
      inserted.push(error.result.insertedCount);
    }
    step = 'findAndModify';
    const upsert = await collection.findOneAndUpdate({ _id: 'fresh' }, { $inc: { n: 1 } }, { upsert: true, includeResultMetadata: true });
    const lastError = upsert.lastErrorObject;
    const upsertLastError = `${lastError?.n}/${lastError?.updatedExisting}/${lastError?.upserted}`;
    const removeUpsert = await db.command({ findAndModify: collection.collectionName, query: { _id: 'none' }, remove: true, upsert: true })
      .then(() => 'done', error => errorCode(error));
    // An update given as a pipeline: mongod runs it, this server refuses it with code 238 (docs/server.md says why).
    const pipelineUpdate = await collection.findOneAndUpdate({ _id: 'fresh' }, [{ $set: { m: '$n' } }])
      .then(() => 'done', error => errorCode(error));
    step = 'parser';
    const limitNotANumber = await db.command({ find: collection.collectionName, limit: 'x' }).then(() => 'done', error => errorCode(error));
    const unknownField = await db.command({ listCollections: 1, nameOnyl: true }).then(() => 'done', error => errorCode(error));
    // The count parser is strict: an unknown field refused (40415), the driver's own count (with its lsid, $db, maxTimeMS) taken.
    const countUnknownField = await db.command({ count: collection.collectionName, limt: 2 }).then(() => 'done', error => errorCode(error));
    const { upserted, deleted } = await statementErrors(collection);
    const documents = await collection.countDocuments({});
    const driverCount = await collection.estimatedDocumentCount({ maxTimeMS: 60000 })
      .then(n => (n === documents ? 'ok' : `${n}/${documents}`), error => errorCode(error));
    // A null limit: no limit to a find (a field of a declared type), refused by a count's own parser (2).
    const nullLimit = [];
    for (const command of [{ find: collection.collectionName, limit: null }, { count: collection.collectionName, limit: null }]) {
      nullLimit.push(await db.command(command).then(() => 'done', error => errorCode(error)));
    }
    // A count's limit that is no whole 64-bit number: 1e19 goes as a double, 2.5 as a decimal; mongod refuses both with 9.
    const countLimits = [];
    for (const limit of [1e19, Decimal128.fromString('2.5')]) {
      countLimits.push(await db.command({ count: collection.collectionName, limit }).then(() => 'done', error => errorCode(error)));
    }
    return { transaction, transactionWrites, changeStream, inserted: inserted.join('/'), upsertLastError, removeUpsert,
      pipelineUpdate, limitNotANumber, unknownField, countLimits: countLimits.join('/'), nullLimit: nullLimit.join('/'), countUnknownField, driverCount, upserted, deleted,
      listed: await listedInBatches(client), indexesKept: await indexesAfterDropAll(client) };
  } finally {
    await client.close();
  }
}

/**
 * listCollections' cursor.batchSize, kept as mongod keeps it: of two collections one in the first batch, the other by
 * getMore. Returns "<first batch>+<getMore's batch>".
 */
// Three upserts whose second makes a duplicate _id ('taken' is there), and three deletes whose second has an unknown
// operator, each ordered then unordered: how many were upserted and deleted, as 'ordered/unordered' (mongod: 1/2 each, an
// ordered write stopping at its first failed statement, an unordered one going on past it).
async function statementErrors(collection) {
  await collection.insertMany([1, 2, 3, 4].map(i => ({ _id: 'd' + i })));
  async function applied(operations, ordered, count) {
    const error = await collection.bulkWrite(operations, { ordered }).then(() => null, failure => failure);
    check(error?.writeErrors?.[0]?.index === 1 || error?.writeErrors?.index === 1, `the second statement's error (ordered ${ordered}): ${error}`);
    return count(error.result);
  }
  const upsert = _id => ({ updateOne: { filter: _id, update: { $set: { v: 1 } }, upsert: true } });
  const upserted = [];
  for (const ordered of [true, false]) {
    upserted.push(await applied([upsert({ _id: 'u' + ordered }), upsert({ _id: 'taken', n: -1 }), upsert({ _id: 'w' + ordered })],
      ordered, result => result.upsertedCount));
  }
  const deleted = [];
  for (const [ordered, first] of [[true, 1], [false, 3]]) {
    deleted.push(await applied([{ deleteOne: { filter: { _id: 'd' + first } } }, { deleteOne: { filter: { n: { $nosuch: 1 } } } },
      { deleteOne: { filter: { _id: 'd' + (first + 1) } } }], ordered, result => result.deletedCount));
  }
  return { upserted: upserted.join('/'), deleted: deleted.join('/') };
}

/**
 * The driver's drop of every index of one collection while another collection of the database has its own (the embedded
 * server's "*" went through the whole database's indexes and failed): the indexes each keeps, as
 * '<the dropped one's>/<the other's>'.
 */
async function indexesAfterDropAll(client) {
  const db = client.db('conformance_indexes_' + process.pid);
  try {
    for (const name of ['one', 'two']) {
      await db.collection(name).insertOne({ n: 1 });
      await db.collection(name).createIndex({ n: 1 });
    }
    await db.collection('two').dropIndexes();
    const kept = [];
    for (const name of ['two', 'one']) {
      kept.push((await db.collection(name).listIndexes().toArray()).map(index => index.name).sort().join(','));
    }
    return kept.join('/');
  } finally {
    await db.dropDatabase();
  }
}

async function listedInBatches(client) {
  const db = client.db('conformance_listing_' + process.pid);
  await db.collection('a').insertOne({});
  await db.collection('b').insertOne({});
  try {
    // The cursor id kept as an int64 (promoteLongs: false), which getMore takes alone.
    const first = (await db.command({ listCollections: 1, nameOnly: true, cursor: { batchSize: 1 } }, { promoteLongs: false })).cursor;
    const rest = first.id.isZero() ? [] : (await db.command({ getMore: first.id, collection: '$cmd.listCollections' })).cursor.nextBatch;
    return `${first.firstBatch.length}+${rest.length}`;
  } finally {
    await db.dropDatabase();
  }
}

/**
 * A query's documents in batches, as mongod sends them: of 300 small documents, 101 in a find's first batch; and 40
 * documents of 1.5 MiB (60 MiB, more than the 48,000,000 bytes one reply may hold) read whole; a cursor closed before
 * its end, killed. Returns the first batch's size, the large documents read and what a getMore of the closed cursor met.
 */
async function batches() {
  const client = new MongoClient(uri, { monitorCommands: true, serverSelectionTimeoutMS: SELECTION_MS });
  const firstBatches = [];
  client.on('commandSucceeded', event => {
    if (event.commandName === 'find') {
      firstBatches.push(event.reply.cursor.firstBatch.length);
    }
  });
  await client.connect();
  try {
    const db = client.db('conformance');
    const small = db.collection('batches_' + process.pid + '_' + Date.now());
    await small.insertMany(Array.from({ length: 300 }, (_, i) => ({ _id: i })));
    check((await small.find().toArray()).length === 300, 'all 300 documents read');
    // A cursor closed before its end: the driver kills it (killCursors, with the id as the server gave it), so a
    // getMore of it then finds no cursor (mongod's code 43).
    const cursor = small.find().batchSize(2);
    await cursor.next();
    const cursorId = cursor.id;
    await cursor.close();
    const notFound = await db.command({ getMore: cursorId, collection: small.collectionName }).then(() => null, error => error);
    const killedCursor = notFound ? errorCode(notFound) : 'open';
    // mongod's words for it, and its error reply's fields (no legacy $err).
    const notFoundWords = notFound?.message === `cursor id ${cursorId} not found` ? 'mongod' : 'other';
    const errorReplyFields = Object.keys(notFound?.errorResponse ?? {}).sort().join(',');
    const large = db.collection('large_' + process.pid + '_' + Date.now());
    const filler = 'x'.repeat(1536 * 1024);
    for (let i = 0; i < 40; i++) {
      await large.insertOne({ _id: i, filler });
    }
    const largeRead = (await large.find().toArray()).length;
    await large.drop();
    return { firstBatch: firstBatches[0], largeRead, killedCursor, notFoundWords, errorReplyFields };
  } finally {
    await client.close();
  }
}

/**
 * The server's error code, also where the driver put its own words around the server's error (driver 7 answers mongod's
 * refusal of a transaction on a standalone with its advice to set retryWrites=false, the server's error kept inside).
 */
function errorCode(error) {
  return error.code ?? error.errorResponse?.originalError?.code ?? error.name;
}

function hex(binary) {
  return Buffer.from(binary.buffer ?? binary).toString('hex');
}

/**
 * Fills the capped server with raw connections, checks that one more is closed by the server, then lets a driver client try:
 * how long until its monitor sees the connection closed, and what it says.
 */
async function atTheCap() {
  const { hostname, port } = new URL(cappedUri.replace(/^mongodb:/, 'http:'));
  const held = [];
  try {
    for (let i = 0; i < Number(capText); i++) {
      held.push(await connected(hostname, Number(port)));
    }
    await sleep(1000); // the server takes them (it counts a connection as one of its threads accepts it)
    const probe = await connected(hostname, Number(port));
    const closedBy = await Promise.race([new Promise(resolve => probe.once('close', () => resolve('server'))), sleep(2000).then(() => 'nobody')]);
    probe.destroy();
    check(closedBy === 'server', `the server closes connection ${Number(capText) + 1} (closed by ${closedBy})`);

    const client = new MongoClient(cappedUri, { serverSelectionTimeoutMS: 3000, heartbeatFrequencyMS: HEARTBEAT_MS });
    const began = Date.now();
    let failure;
    client.on('serverHeartbeatFailed', event => { failure ??= { ms: Date.now() - began, error: event.failure }; });
    const connectError = await client.connect().then(() => null, error => error);
    await client.close();
    check(connectError, 'connect past the cap failed');
    check(failure, 'a failed heartbeat past the cap');
    check(!/timed out/i.test(failure.error.message), 'a closed connection, not a timeout: ' + failure.error.message);
    return { ms: failure.ms, error: failure.error.name };
  } finally {
    held.forEach(socket => socket.destroy());
  }
}

function connected(host, port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host, () => resolve(socket));
    socket.once('error', reject);
  });
}

try {
  step = 'connect';
  const watcher = await observer();
  const admin = watcher.db('admin');
  const version = (await admin.command({ buildInfo: 1 })).version;
  const wire = (await admin.command({ hello: 1 })).maxWireVersion;
  step = 'life cycle';
  const life = await oneLifeCycle(watcher);
  await watcher.close();
  step = 'crud';
  const crud = await crudAndSessions();
  step = 'standalone';
  const only = await standalone();
  step = 'batches';
  const read = await batches();
  step = 'cap';
  const cap = await atTheCap();
  console.log(`CONFORMANCE driver=node-mongodb version=${driverVersion} server=${version} wire=${wire} awaitedHeartbeats=${life.awaited}`
    + ` windowMs=${WATCH_MS} socketsPerLifeCycle=${life.sockets} crud=ok sessions=ok lsid=${crud.lsid} capClosedMs=${cap.ms}`
    + ` capError=${cap.error} transaction=${only.transaction} transactionWrites=${only.transactionWrites}`
    + ` changeStream=${only.changeStream} insertedOrderedUnordered=${only.inserted} firstBatch=${read.firstBatch}`
    + ` largeRead=${read.largeRead} killedCursorGetMore=${read.killedCursor} upsertLastError=${only.upsertLastError}`
    + ` removeUpsert=${only.removeUpsert} pipelineUpdate=${only.pipelineUpdate} limitNotANumber=${only.limitNotANumber}`
    + ` listCollectionsUnknownField=${only.unknownField} countLimitBeyond64BitsOrFraction=${only.countLimits}`
    + ` nullLimitFindCount=${only.nullLimit} countUnknownField=${only.countUnknownField} driverCount=${only.driverCount}`
    + ` upsertedOrderedUnordered=${only.upserted} deletedOrderedUnordered=${only.deleted}`
    + ` listCollectionsBatches=${only.listed} dropAllIndexesBesideAnother=${only.indexesKept}`
    + ` cursorNotFoundWords=${read.notFoundWords} errorReplyFields=${read.errorReplyFields}`);
  process.exit(0);
} catch (error) {
  console.log(`CONFORMANCE-FAILED ${step}: ${error.name}: ${error.message}`);
  process.exit(1);
}
