"""The roster's RightsService over a real channel: Amara, 18 on 1 March 2026 (born 29 February 2008), sees her
guardians' access and grants one again; a guardian is refused; before her birthday it is not hers to change."""
from __future__ import annotations

import datetime as dt

import grpc
import pytest
from roster_demographics import with_demographics

from chassis.config import service_settings
from chassis.grpc.principal import generate_keypair
from chassis.testing.grpc_api import serving, signed_as
from roster.bootstrap import build
from roster.domain.identity import entity_id
from roster.entrypoints import grpc_api
from roster.importer import import_roster
from roster.migrations import MIGRATIONS_DIR
from skillfolio.roster.v1 import rights_pb2 as pb
from skillfolio.roster.v1 import rights_pb2_grpc

pytestmark = [pytest.mark.integration, pytest.mark.own_database]

AMARA, GRACE, PAUL = entity_id("user", "u-s1"), entity_id("user", "u-g1"), entity_id("user", "u-g2")


@pytest.fixture
def served(migrated_database, tmp_path):
    url = migrated_database(MIGRATIONS_DIR)
    day = {"today": dt.date(2026, 2, 28)}
    app = build(service_settings("roster", database_url=url), clock=lambda: day["today"])
    import_roster(with_demographics(tmp_path, "u-s1,active,,2008-02-29,female,false\n"), app.engine)
    keys = generate_keypair()
    settings = service_settings("roster", database_url=url, grpc_port=0, grpc_max_workers=2)
    with serving(grpc_api.start, settings, app, keys[1], rights_pb2_grpc.RightsServiceStub) as stub:
        yield stub, app, keys, day
    app.close()


def test_the_adult_student_grants_a_guardian_again_over_grpc(served):
    stub, app, keys, day = served
    amara = signed_as(keys[0], AMARA, "student")
    before = stub.GetGuardianAccess(pb.GetGuardianAccessRequest(student_id=AMARA), metadata=amara)
    assert before.rights_passed_on == "" and {g.guardian_id for g in before.guardians if g.granted} == {GRACE, PAUL}
    with pytest.raises(grpc.RpcError) as early:
        stub.SetGuardianAccess(pb.SetGuardianAccessRequest(student_id=AMARA, guardian_id=GRACE, granted=True),
                               metadata=amara)
    assert early.value.code() == grpc.StatusCode.FAILED_PRECONDITION

    day["today"] = dt.date(2026, 3, 1)
    assert app.rights.apply_due().passed == 1
    after = stub.GetGuardianAccess(pb.GetGuardianAccessRequest(student_id=AMARA), metadata=amara)
    assert after.rights_passed_on == "2026-03-01" and not any(g.granted for g in after.guardians)
    granted = stub.SetGuardianAccess(pb.SetGuardianAccessRequest(student_id=AMARA, guardian_id=GRACE, granted=True),
                                     metadata=amara)
    assert (granted.guardian.guardian_id, granted.guardian.granted) == (GRACE, True)

    with pytest.raises(grpc.RpcError) as refused:
        stub.GetGuardianAccess(pb.GetGuardianAccessRequest(student_id=AMARA),
                               metadata=signed_as(keys[0], GRACE, "guardian"))
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
