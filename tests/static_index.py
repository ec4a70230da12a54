"""WhiteNoise's index of the collected static files, built once per test process.

Django's test client loads the middleware afresh for every client, and WhiteNoise (with DEBUG off)
walks STATIC_ROOT and stats every file each time: about 3,900 files, most of a short test's time.
The files do not change during a run, so the first walk's index is kept and reused. Production
builds the middleware once per worker process, so this is for tests only.
"""

from whitenoise.base import WhiteNoise

_indexes = {}


def _update_files_dictionary_once(self, root, prefix):
    key = (root, prefix)
    if key not in _indexes:
        before = dict(self.files)
        _scan(self, root, prefix)
        _indexes[key] = {url: file for url, file in self.files.items() if before.get(url) is not file}
    self.files.update(_indexes[key])


_scan = WhiteNoise.update_files_dictionary
WhiteNoise.update_files_dictionary = _update_files_dictionary_once
