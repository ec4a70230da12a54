"""The demo builds data in which every kind of signal the engine defines fires (issue 28): the
default demo landlord (2,000 homes, seed 1), as `seed_demo` builds it, after the false discovery
rate control."""

from inequities.models import SignalKind
from inequities.services import latest_snapshot


def test_the_demo_raises_a_signal_of_every_kind(demo_landlord):
    snapshot = latest_snapshot()
    found = {kind: snapshot.signals.filter(kind=kind) for kind in SignalKind.values}
    assert {kind for kind, signals in found.items() if signals.exists()} == set(SignalKind.values)
    # What the demo plants (surveys/demo.py, repairs/demo.py): disabled residents less often
    # dissatisfied with how their home is maintained; residents of the most deprived areas answer
    # half as often; repairs dissatisfaction where repairs are slow; security repairs where crime is high.
    opposite = found[SignalKind.OPPOSITE_TO_NATIONAL].get()
    assert (opposite.metric, opposite.dimension, opposite.group) == ("tp04_dissatisfied", "disability", "yes")
    assert "how well their home is maintained" in opposite.statement
    silent = {(s.dimension, s.group) for s in found[SignalKind.LOW_RESPONSE]}
    assert ("imd_quintile", "1") in silent
    regions = {s.group for s in found[SignalKind.ABOVE_NATIONAL_REGION]}
    assert regions & {"London", "North West"}
    assert found[SignalKind.SECURITY_REPAIRS].filter(region="all").exists()
