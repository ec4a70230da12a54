"""The Redis cache backend keeps one client per connection pool (core/redis_cache.py) and still
reads and writes like Django's own, on the real Redis the tests use."""

import os

from core.redis_cache import RedisCache

REDIS = os.environ.get("CELERY_BROKER_URL") or "redis://127.0.0.1:6379/5"


def test_one_client_per_pool_and_values_round_trip():
    cache = RedisCache(REDIS, {"KEY_PREFIX": "test-redis-cache"})
    client = cache._cache.get_client()
    assert cache._cache.get_client() is client
    assert cache._cache.get_client(write=True) is client  # one server: one pool for reads and writes
    cache.set("answer", {"figures": [1, 2]}, 30)
    assert cache.get("answer") == {"figures": [1, 2]}
    assert cache.get_many(["answer", "missing"]) == {"answer": {"figures": [1, 2]}}
    cache.delete("answer")
    assert cache.get("answer") is None
