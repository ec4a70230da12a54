"""The replica router: only reads inside replica_reads() go to the replica, and only when there is one."""

from types import SimpleNamespace

from core import replica
from core.replica import ReplicaRouter, replica_reads
from engagement.models import Resident


def test_reads_go_to_the_replica_only_inside_the_block_and_only_when_there_is_one(monkeypatch):
    router = ReplicaRouter()
    monkeypatch.setattr(replica, "settings", SimpleNamespace(DATABASES={"default": {}, "replica": {}}))
    assert router.db_for_read(Resident) is None  # the primary: a page reads its own writes
    with replica_reads():
        assert router.db_for_read(Resident) == "replica"
        assert router.db_for_write(Resident) == "default"  # the snapshot is written to the primary
    assert router.db_for_read(Resident) is None
    assert router.allow_migrate("replica", "engagement") is False
    assert router.allow_migrate("default", "engagement") is True


def test_without_a_replica_the_block_changes_nothing(monkeypatch):
    monkeypatch.setattr(replica, "settings", SimpleNamespace(DATABASES={"default": {}}))
    with replica_reads():
        assert ReplicaRouter().db_for_read(Resident) is None
