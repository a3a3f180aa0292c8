"""The README's least-privilege setup works: the owner migrates, the app's role only reads and
writes rows, and a laptop on that role opens the store, plans a day and cannot change the
schema."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlalchemy.engine import make_url

from coordinator.store.database import Store
from coordinator.store.days import DayInput, create_day, list_days
from tests.conftest import TEST_DAY

pytestmark = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


def test_the_app_role_needs_no_ddl(db_url, postgres_server, clock) -> None:
    suffix = uuid.uuid4().hex[:8]
    owner, user = f"stepup_owner_{suffix}", f"stepup_{suffix}"
    database = make_url(db_url).database
    with psycopg.connect(postgres_server.get_uri(), autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {owner} LOGIN")
        admin.execute(f"CREATE ROLE {user} LOGIN")
        admin.execute(f'ALTER DATABASE "{database}" OWNER TO {owner}')
    with psycopg.connect(postgres_server.get_uri(database), autocommit=True) as db:
        db.execute(f"ALTER SCHEMA public OWNER TO {owner}")
        db.execute(f"GRANT USAGE ON SCHEMA public TO {user}")
        for grant in (
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {user}",
            f"GRANT USAGE, SELECT ON SEQUENCES TO {user}",
        ):
            db.execute(f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public {grant}")
    as_owner = make_url(db_url).set(username=owner).render_as_string(hide_password=False)
    as_user = make_url(db_url).set(username=user).render_as_string(hide_password=False)
    Store.open(as_owner, clock=clock).close()  # `db upgrade` as the owner

    laptop = Store.open(as_user, clock=clock, actor="laptop")
    try:
        create_day(laptop, DayInput(date=TEST_DAY))
        assert [day.date for day, _count in list_days(laptop)] == [TEST_DAY]
        with pytest.raises(Exception, match="permission denied|must be owner"):
            with laptop.engine.begin() as connection:
                connection.exec_driver_sql("DROP TABLE stepupday CASCADE")
    finally:
        laptop.close()
    with psycopg.connect(postgres_server.get_uri(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.execute(f"DROP ROLE {user}")
        admin.execute(f"DROP ROLE {owner}")
