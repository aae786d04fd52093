"""PyMongo against a MongoDB server, as a user's service would use it: run by PyMongoConformanceIT against
the embedded server (and runnable by hand against any server), with Debian's python3-pymongo.

    /usr/bin/python3 conformance.py <uri> <uri of a server capped at N connections> <N>

Prints one line, "CONFORMANCE key=value ...", and exits 0; or "CONFORMANCE-FAILED <step>: <error>" and
exits 1. The capped server must have no other client while this runs.
"""
import os
import socket
import sys
import threading
import time
import warnings
from urllib.parse import urlparse

import pymongo
from bson.decimal128 import Decimal128
from bson.int64 import Int64
from pymongo import DeleteOne, MongoClient, UpdateOne, monitoring

HEARTBEAT_MS = 500  # the driver's shortest
WATCH_S = 3.0
SELECTION_MS = 10000  # a server that is there answers at once; one that refuses this driver says why within this
step = "start"


def check(condition, what):
    if not condition:
        raise AssertionError(what)


class Heartbeats(monitoring.ServerHeartbeatListener):
    """Awaited heartbeats answered, and the first failure with the time it came."""

    def __init__(self):
        self.awaited = 0
        self.began = time.monotonic()
        self.first_failure = None
        self.lock = threading.Lock()

    def started(self, event):
        pass

    def succeeded(self, event):
        if event.awaited:
            with self.lock:
                self.awaited += 1

    def failed(self, event):
        with self.lock:
            if self.first_failure is None:
                self.first_failure = (time.monotonic() - self.began, event.reply)


class Commands(monitoring.CommandListener):
    def __init__(self):
        self.started_events = []
        self.succeeded_names = []

    def started(self, event):
        self.started_events.append(event)

    def succeeded(self, event):
        self.succeeded_names.append(event.command_name)

    def failed(self, event):
        pass


def total_created(client):
    connections = client.admin.command("serverStatus").get("connections", {})
    check(isinstance(connections.get("totalCreated"), int),
          "serverStatus.connections.totalCreated missing: %r" % connections)
    return connections["totalCreated"]


def observer(uri):
    """Reads the server's figures; its own connections (monitor, round-trip time, pool) made before it is used."""
    client = MongoClient(uri, serverSelectionTimeoutMS=SELECTION_MS, maxPoolSize=1)
    client.admin.command("ping")
    time.sleep(1.0)  # its round-trip-time monitor connects in the background (later on a busy machine: settled)
    settled(lambda: total_created(client))
    return client


def settled(read, quiet_s=0.5, limit_s=5.0):
    """Reads a figure until it stays the same for quiet_s (at most limit_s); returns it."""
    deadline = time.monotonic() + limit_s
    value = read()
    while time.monotonic() < deadline:
        time.sleep(quiet_s)
        again = read()
        if again == value:
            return value
        value = again
    return value


def one_life_cycle(uri, watcher):
    """One streaming client's life: connect, one operation, the heartbeat window, close."""
    before = total_created(watcher)
    heartbeats = Heartbeats()
    client = MongoClient(uri, heartbeatFrequencyMS=HEARTBEAT_MS, serverSelectionTimeoutMS=SELECTION_MS,
                         event_listeners=[heartbeats])
    client.conformance.lifecycle.find_one({})
    time.sleep(WATCH_S)
    client.close()
    return heartbeats.awaited, total_created(watcher) - before


def crud_and_sessions(uri):
    global step
    commands = Commands()
    client = MongoClient(uri, serverSelectionTimeoutMS=SELECTION_MS, event_listeners=[commands])
    collection = client.conformance["crud_%d_%d" % (threading.get_native_id(), time.time() * 1000)]

    step = "insert"
    check(len(collection.insert_many([{"_id": 1, "n": 1}, {"_id": 2, "n": 2}, {"_id": 3, "n": 3}]).inserted_ids) == 3,
          "inserted 3")
    step = "find"
    found = [d["_id"] for d in collection.find({"n": {"$gte": 2}}).sort("n", 1)]
    check(found == [2, 3], "find n >= 2 gave %r" % found)
    step = "update"
    check(collection.update_one({"_id": 1}, {"$set": {"n": 10}}).modified_count == 1, "updated 1")
    upsert = collection.update_one({"_id": 4}, {"$set": {"n": 4}}, upsert=True)
    check(upsert.upserted_id == 4, "upserted _id 4: %r" % upsert.raw_result)
    step = "delete"
    check(collection.delete_one({"_id": 2}).deleted_count == 1, "deleted 1")
    step = "aggregate"
    sums = list(collection.aggregate([{"$match": {"n": {"$gt": 0}}},
                                      {"$group": {"_id": None, "total": {"$sum": "$n"}, "count": {"$sum": 1}}}]))
    check(len(sums) == 1 and sums[0]["total"] == 17 and sums[0]["count"] == 3,
          "aggregate total 17 of 3 documents: %r" % sums)

    step = "explicit session"
    implicit = len(commands.started_events)
    with client.start_session() as session:
        collection.insert_one({"_id": 5, "n": 5}, session=session)
        check((collection.find_one({"_id": 5}, session=session) or {}).get("n") == 5, "read back in the session")
        session_id = session.session_id["id"]
    in_session = [e for e in commands.started_events[implicit:] if e.command_name in ("insert", "find")]
    check(len(in_session) == 2 and all(e.command.get("lsid", {}).get("id") == session_id for e in in_session),
          "the explicit session's id on its two commands")

    step = "lsid"
    operations = [e for e in commands.started_events if e.command_name != "endSessions"]
    with_lsid = sum(1 for e in operations if "lsid" in e.command)
    check(with_lsid == len(operations), "lsid on %d of %d commands" % (with_lsid, len(operations)))

    step = "endSessions"
    client.close()
    check("endSessions" in commands.succeeded_names, "endSessions sent on close and answered")
    return "%d/%d" % (with_lsid, len(operations))


def standalone(uri):
    """What a standalone mongod refuses or forgives, met as a service meets it: a transaction (refused, nothing
    written), a change stream (refused), a drop of a collection that is not there (done), and inserts of three
    documents whose second is a duplicate (ordered: 1 inserted; unordered: 2), and a findAndModify that removes and
    upserts (refused, code 9)."""
    global step
    client = MongoClient(uri, serverSelectionTimeoutMS=SELECTION_MS)
    try:
        database = client.conformance
        collection = database["standalone_%d_%d" % (threading.get_native_id(), time.time() * 1000)]
        step = "transaction"
        with client.start_session() as session:
            try:
                session.with_transaction(lambda s: collection.insert_one({"_id": 1}, session=s))
                transaction = "committed"
            except pymongo.errors.OperationFailure as error:
                transaction = error.code
        transaction_writes = collection.count_documents({})
        step = "change stream"
        try:
            collection.watch().close()
            change_stream = "opened"
        except pymongo.errors.OperationFailure as error:
            change_stream = error.code
        step = "drop"
        reply = database.command("drop", "never_created_%d" % threading.get_native_id(), check=False)
        check(reply.get("ok") == 1, "drop of a collection that is not there: %r" % reply)
        step = "duplicate key"
        collection.insert_one({"_id": "taken"})
        inserted = []
        for ordered in (True, False):
            try:
                collection.insert_many([{"_id": "a%s" % ordered}, {"_id": "taken"}, {"_id": "b%s" % ordered}],
                                       ordered=ordered)
                check(False, "a duplicate key error (ordered %s)" % ordered)
            except pymongo.errors.BulkWriteError as error:
                check(error.details["writeErrors"][0]["code"] == 11000, "code 11000: %r" % error.details)
                inserted.append(str(error.details["nInserted"]))
        step = "findAndModify"
        try:
            database.command("findAndModify", collection.name, query={"_id": "none"}, remove=True, upsert=True)
            remove_upsert = "done"
        except pymongo.errors.OperationFailure as error:
            remove_upsert = error.code
        return transaction, transaction_writes, change_stream, "/".join(inserted), remove_upsert
    finally:
        client.close()


class FirstBatches(monitoring.CommandListener):
    """The size of each find's first batch."""

    def __init__(self):
        self.sizes = []

    def started(self, event):
        pass

    def succeeded(self, event):
        if event.command_name == "find":
            self.sizes.append(len(event.reply["cursor"]["firstBatch"]))

    def failed(self, event):
        pass


def batches(uri):
    """A query's documents in batches, as mongod sends them: of 300 small documents, 101 in a find's first batch; and
    40 documents of 1.5 MiB (60 MiB, more than the 48,000,000 bytes one reply may hold) read whole; a cursor closed
    before its end, killed; a count up to a negative limit. Returns the first batch's size, the large documents read,
    what a getMore of the closed cursor met and that count."""
    first_batches = FirstBatches()
    client = MongoClient(uri, serverSelectionTimeoutMS=SELECTION_MS, event_listeners=[first_batches])
    try:
        database = client.conformance
        small = database["batches_%d_%d" % (threading.get_native_id(), time.time() * 1000)]
        small.insert_many([{"_id": i} for i in range(300)])
        check(len(list(small.find())) == 300, "all 300 documents read")
        # A cursor closed before its end: the driver kills it (killCursors, with the id as the server gave it), so a
        # getMore of it then finds no cursor (mongod's code 43).
        cursor = small.find(batch_size=2)
        next(cursor)
        cursor_id = cursor.cursor_id
        cursor.close()
        try:
            database.command("getMore", cursor_id, collection=small.name)
            killed_cursor = "open"
        except pymongo.errors.OperationFailure as error:
            killed_cursor = error.code
        # Cursor.count (deprecated, still in services' code) sends the cursor's limit as it is, -2: mongod counts 2.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            negative_limit_count = small.find().limit(-2).count(True)
        large = database["large_%d_%d" % (threading.get_native_id(), time.time() * 1000)]
        filler = "x" * (1536 * 1024)
        for i in range(40):
            large.insert_one({"_id": i, "filler": filler})
        large_read = len(list(large.find()))
        large.drop()
        return first_batches.sizes[0], large_read, killed_cursor, negative_limit_count
    finally:
        client.close()


def failure(run):
    """The error the command run() met, (code, message, reply fields), or ("done", "", "") where it was answered."""
    try:
        run()
        return "done", "", ""
    except pymongo.errors.OperationFailure as error:
        return error.code, error.details.get("errmsg"), ",".join(sorted(error.details))


def statement_errors(collection):
    """Three upserts whose second makes a duplicate _id, and three deletes whose second has an unknown operator, each
    ordered then unordered: how many were upserted and deleted, as "ordered/unordered" (mongod: 1/2 each, an ordered
    write stopping at its first failed statement, an unordered one going on past it). The collection holds _id 0 to 4."""
    def applied(requests, ordered, field):
        try:
            collection.bulk_write(requests, ordered=ordered)
            check(False, "a failed statement (%s, ordered %s)" % (field, ordered))
        except pymongo.errors.BulkWriteError as error:
            check(error.details["writeErrors"][0]["index"] == 1, "the second statement's error: %r" % error.details)
            return str(error.details[field])
    upserted = [applied([UpdateOne({"_id": "u%s" % ordered}, {"$set": {"v": 1}}, upsert=True),
                         UpdateOne({"_id": 1, "n": -1}, {"$set": {"v": 1}}, upsert=True),
                         UpdateOne({"_id": "w%s" % ordered}, {"$set": {"v": 1}}, upsert=True)], ordered, "nUpserted")
                for ordered in (True, False)]
    deleted = [applied([DeleteOne({"_id": first}), DeleteOne({"n": {"$nosuch": 1}}), DeleteOne({"_id": first + 1})],
                       ordered, "nRemoved")
               for ordered, first in ((True, 1), (False, 3))]
    return "/".join(upserted), "/".join(deleted)


def indexes_after_drop_all(client):
    """The driver's drop of every index of one collection while another collection of the database has its own (the
    embedded server's "*" went through the whole database's indexes and failed): the indexes each keeps, as
    '<the dropped one's>/<the other's>'."""
    database = client["conformance_indexes_%d" % os.getpid()]
    try:
        for name in ("one", "two"):
            database[name].insert_one({"n": 1})
            database[name].create_index("n")
        database.two.drop_indexes()
        return "/".join(",".join(sorted(index["name"] for index in database[name].list_indexes())) for name in ("two", "one"))
    finally:
        client.drop_database(database.name)


def parser_answers(uri):
    """What mongod 7.0's parser refuses or keeps, each as this server answers it: an update given as a pipeline (refused
    here with 238, docs/server.md says why), a find's limit that is not a number, a count's limit of Long.MIN_VALUE, of
    1e19 and of a decimal 2.5, a find's and a count's null limit, an unknown count field and the driver's own count, an
    insert of no documents (an empty document sequence), a find's null maxTimeMS, a distinct without a key, an
    unknown listCollections field, updates and deletes whose second statement fails (statement_errors),
    listCollections' cursor.batchSize and its getMore, a getMore of a killed cursor
    (mongod's words, and an error reply without the legacy $err), and the indexes left by a drop of every index.
    Returns the summary's fields in order."""
    client = MongoClient(uri, serverSelectionTimeoutMS=SELECTION_MS)
    try:
        database = client.conformance
        collection = database["parser_%d_%d" % (threading.get_native_id(), time.time() * 1000)]
        collection.insert_many([{"_id": i, "n": i} for i in range(5)])
        pipeline = failure(lambda: collection.find_one_and_update({"_id": 1}, [{"$set": {"m": "$n"}}]))
        limit = failure(lambda: database.command("find", collection.name, limit="x"))
        min_long = failure(lambda: database.command("count", collection.name, limit=Int64(-2 ** 63)))
        unknown = failure(lambda: database.command("listCollections", 1, nameOnyl=True))
        count_limits = [failure(lambda: database.command("count", collection.name, limit=limit))[0]
                        for limit in (1e19, Decimal128("2.5"))]
        null_limit = [failure(lambda: database.command(command, collection.name, limit=None))[0] for command in ("find", "count")]
        count_unknown = failure(lambda: database.command("count", collection.name, limt=2))
        # PyMongo sends an insert's documents as a document sequence beside the command, here an empty one.
        empty_insert = failure(lambda: database.command("insert", collection.name, documents=[]))
        null_max_time = failure(lambda: database.command("find", collection.name, maxTimeMS=None))
        keyless_distinct = failure(lambda: database.command("distinct", collection.name))
        upserted, deleted = statement_errors(collection)
        documents = collection.count_documents({})
        driver_count = collection.estimated_document_count(maxTimeMS=60000)
        cursor = collection.find(batch_size=2)
        next(cursor)
        cursor_id = cursor.cursor_id
        cursor.close()
        not_found = failure(lambda: database.command("getMore", Int64(cursor_id), collection=collection.name))
        listing = client["conformance_listing_%d" % os.getpid()]
        listing.a.insert_one({})
        listing.b.insert_one({})
        first = listing.command("listCollections", 1, nameOnly=True, cursor={"batchSize": 1})["cursor"]
        rest = listing.command("getMore", Int64(first["id"]), collection="$cmd.listCollections")["cursor"]["nextBatch"] \
            if first["id"] else []
        client.drop_database(listing.name)
        collection.drop()
        return [("pipelineUpdate", pipeline[0]), ("limitNotANumber", limit[0]), ("countMinLongLimit", min_long[0]),
                ("listCollectionsUnknownField", unknown[0]),
                ("countLimitBeyond64BitsOrFraction", "/".join(str(code) for code in count_limits)),
                ("nullLimitFindCount", "/".join(str(code) for code in null_limit)),
                ("countUnknownField", count_unknown[0]),
                ("emptyInsertNullMaxTimeKeylessDistinct",
                 "/".join(str(answer[0]) for answer in (empty_insert, null_max_time, keyless_distinct))),
                ("upsertedOrderedUnordered", upserted), ("deletedOrderedUnordered", deleted),
                ("driverCount", "ok" if driver_count == documents else "%d/%d" % (driver_count, documents)),
                ("listCollectionsBatches", "%d+%d" % (len(first["firstBatch"]), len(rest))),
                ("cursorNotFoundWords", "mongod" if not_found[1] == "cursor id %d not found" % cursor_id else "other"),
                ("errorReplyFields", not_found[2]),
                ("dropAllIndexesBesideAnother", indexes_after_drop_all(client))]
    finally:
        client.close()


def at_the_cap(capped_uri, cap):
    """Fills the capped server with raw connections, checks that one more is closed by the server, then lets a driver
    client try: how long until its monitor sees the connection closed, and what it says."""
    address = urlparse(capped_uri)
    held = []
    try:
        for _ in range(cap):
            held.append(socket.create_connection((address.hostname, address.port), timeout=2))
        time.sleep(1.0)  # the server takes them (it counts a connection as one of its threads accepts it)
        probe = socket.create_connection((address.hostname, address.port), timeout=2)
        try:
            check(probe.recv(1) == b"", "the server closes connection %d" % (cap + 1))
        except socket.timeout:
            check(False, "the server closes connection %d (it stayed open 2 s)" % (cap + 1))
        finally:
            probe.close()

        heartbeats = Heartbeats()
        client = MongoClient(capped_uri, serverSelectionTimeoutMS=3000, heartbeatFrequencyMS=HEARTBEAT_MS,
                             event_listeners=[heartbeats])
        try:
            client.admin.command("ping")
            check(False, "ping past the cap answered")
        except pymongo.errors.ServerSelectionTimeoutError:
            pass
        finally:
            client.close()
        check(heartbeats.first_failure is not None, "a failed heartbeat past the cap")
        seconds, error = heartbeats.first_failure
        check("timed out" not in str(error), "a closed connection, not a timeout: %s" % error)
        return int(seconds * 1000), type(error).__name__
    finally:
        for s in held:
            s.close()


def main():
    global step
    if len(sys.argv) != 4:
        print("usage: conformance.py <uri> <capped-uri> <cap>", file=sys.stderr)
        return 2
    uri, capped_uri, cap = sys.argv[1], sys.argv[2], int(sys.argv[3])
    try:
        step = "connect"
        watcher = observer(uri)
        version = watcher.admin.command("buildInfo")["version"]
        wire = watcher.admin.command("isMaster")["maxWireVersion"]
        step = "life cycle"
        awaited, sockets = one_life_cycle(uri, watcher)
        watcher.close()
        step = "crud"
        lsid = crud_and_sessions(uri)
        step = "standalone"
        transaction, transaction_writes, change_stream, inserted, remove_upsert = standalone(uri)
        step = "batches"
        first_batch, large_read, killed_cursor, negative_limit_count = batches(uri)
        step = "parser"
        parser = parser_answers(uri)
        step = "cap"
        cap_ms, cap_error = at_the_cap(capped_uri, cap)
    except Exception as error:  # the step and the driver's own words, on one line
        print("CONFORMANCE-FAILED %s: %s: %s" % (step, type(error).__name__, str(error).replace("\n", " ")))
        return 1
    print("CONFORMANCE driver=pymongo version=%s server=%s wire=%d awaitedHeartbeats=%d windowMs=%d socketsPerLifeCycle=%d"
          " crud=ok sessions=ok lsid=%s capClosedMs=%d capError=%s transaction=%s transactionWrites=%d changeStream=%s"
          " insertedOrderedUnordered=%s firstBatch=%d largeRead=%d killedCursorGetMore=%s removeUpsert=%s"
          " countNegativeLimit=%d"
          % (pymongo.version, version, wire, awaited, WATCH_S * 1000, sockets, lsid, cap_ms, cap_error, transaction,
             transaction_writes, change_stream, inserted, first_batch, large_read, killed_cursor, remove_upsert,
             negative_limit_count)
          + "".join(" %s=%s" % answer for answer in parser))
    return 0


if __name__ == "__main__":
    sys.exit(main())
