"""Django's Redis cache, with one Redis client per connection pool instead of one per call.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` object for every cache call, and
redis-py fills each new object's table of about 170 response callbacks. A signed-in page makes four
or more cache calls (the session, the user's version and entry, a cached page or fragments), so at
150,000 homes that building was about 15% of the CPU of a dashboard answered from the cache
(cProfile, 200 requests: 0.26 s of 1.75 s). A client only holds the pool and those callbacks, and is
safe to share between calls: this keeps one for each pool, which is the process's own (redis-py
makes a new connection in a forked process). Set as CACHES' BACKEND in config/settings.py.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
