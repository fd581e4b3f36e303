"""The scorer's use cases: scoring a record-changed hint (`scorer`), candidate profiles (`profiles`), talent
rediscovery (`rediscovery`, over `vector_index`), the database backfill (`backfill`), and their ports (`ports`).

Nothing is imported here: the poller and the webhook read `skima.scoring.ports` without the engine (numpy)."""
