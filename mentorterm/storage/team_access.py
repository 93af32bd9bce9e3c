"""Who may do what in the team database: roles, row-level security, mentors.

Each mentor logs in as their own PostgreSQL role, a member of
``mentorterm_mentor``; the team lead's role is also a member of
``mentorterm_lead``. ``mentor_login`` maps a login to its mentor row, and
``mentorterm_me()`` is the mentor behind ``session_user`` (the identity is the
server's, never something the program says about itself).

The policies (``FORCE ROW LEVEL SECURITY``, so the tables' owner is held too;
superusers are not, as PostgreSQL has it):

- every mentor reads the team's records (the weekly review is a team meeting);
- a mentor writes the records of their own citizens only, and a citizen
  only under their own name; the lead writes all and reassigns; a mentor
  hands their own citizen over to a colleague (a handover row first, from
  them to the colleague: ``mentorterm_handed_over``);
- the weekly review is the team's meeting: any mentor records a decision
  about any of the team's citizens, in their own name only (never a
  colleague's), and may take over a decision a colleague recorded; the
  decision being typed is kept as a draft by whoever types it;
- the audit log takes new rows in the writer's own name and is never changed;
  only the lead erases (a citizen's rows go with the citizen);
- the mentors themselves are the lead's to add; a mentor changes their own row.

One team per database: a provider with several teams gives each its own, on
one server if they like. The group roles are the server's, so what keeps one
team's logins (its lead's too) out of another team's database is ``CONNECT``:
``team init`` takes it from PUBLIC, and each login gets it for its own team's
database only.
"""

from __future__ import annotations

import peewee

from ..i18n import _
from ..models import ALL_MODELS
from .errors import StorageError

MENTOR_ROLE = "mentorterm_mentor"
LEAD_ROLE = "mentorterm_lead"
REVIEW_DRAFT = "review-decision:"  # domain/drafts.py draft_key("review-decision", …)

_ROLES = f"""DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{MENTOR_ROLE}') THEN
    CREATE ROLE {MENTOR_ROLE} NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{LEAD_ROLE}') THEN
    CREATE ROLE {LEAD_ROLE} NOLOGIN IN ROLE {MENTOR_ROLE};
  END IF;
END $$"""

_FUNCTIONS = [
    """CREATE TABLE IF NOT EXISTS mentor_login (
         login TEXT PRIMARY KEY,
         mentor_id INTEGER NOT NULL UNIQUE REFERENCES mentor (id))""",
    """CREATE FUNCTION mentorterm_me() RETURNS INTEGER LANGUAGE sql STABLE
       SECURITY DEFINER SET search_path = public AS
       $$ SELECT mentor_id FROM mentor_login WHERE login = session_user $$""",
    f"""CREATE FUNCTION mentorterm_is_lead() RETURNS BOOLEAN LANGUAGE sql STABLE AS
       $$ SELECT pg_has_role(session_user, '{LEAD_ROLE}', 'MEMBER') $$""",
    # A cover running today (the server's day) lets its mentor write about the
    # covered colleague's citizens; not change the citizens' own rows.
    """CREATE FUNCTION mentorterm_covers(mid INTEGER) RETURNS BOOLEAN LANGUAGE sql STABLE
       SECURITY DEFINER SET search_path = public AS
       $$ SELECT EXISTS (SELECT 1 FROM cover WHERE mentor_id = mentorterm_me()
            AND covered_id = mid AND current_date BETWEEN starts_on AND ends_on) $$""",
    """CREATE FUNCTION mentorterm_may_write(cid INTEGER) RETURNS BOOLEAN LANGUAGE sql STABLE
       SECURITY DEFINER SET search_path = public AS
       $$ SELECT mentorterm_is_lead() OR EXISTS (
            SELECT 1 FROM citizen WHERE id = cid
              AND (mentor_id = mentorterm_me() OR mentorterm_covers(mentor_id))) $$""",
    # A mentor hands their own citizen over to a colleague: the citizen's
    # latest handover (written first, in the same transaction) is from this
    # login's mentor to the new one. Without it, a mentor's citizen stays theirs.
    """CREATE FUNCTION mentorterm_handed_over(cid INTEGER, mid INTEGER) RETURNS BOOLEAN
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
       $$ SELECT EXISTS (SELECT 1 FROM handover WHERE id = (
            SELECT max(id) FROM handover WHERE citizen_id = cid)
          AND from_mentor_id = mentorterm_me() AND to_mentor_id = mid) $$""",
]


def _citizen_of(table: str, row: str = "") -> str:
    """The citizen a row of ``table`` is about, as SQL on the row's own
    columns (``row``: "" in a policy, "OLD." in a trigger): its citizen_id,
    else its parent's (a course extension's course, a score's sub-goal …),
    found from the model's foreign keys, so a new table is covered too."""
    model = next(m for m in ALL_MODELS if m._meta.table_name == table)
    if "citizen" in model._meta.fields:
        return f"{row}citizen_id"
    for field in model._meta.sorted_fields:
        if isinstance(field, peewee.ForeignKeyField) and "citizen" in field.rel_model._meta.fields:
            parent = field.rel_model._meta.table_name
            return f"(SELECT citizen_id FROM {parent} WHERE id = {row}{field.column_name})"
    raise LookupError(f"{table}: no citizen to decide who may write it")


def _may(table: str, row: str = "") -> str:
    """May this login write the row (``row``: "" its columns, "OLD." the old row)?"""
    if table == "citizen":
        return f"(mentorterm_is_lead() OR {row}mentor_id = mentorterm_me())"
    if table == "mentor":
        return f"(mentorterm_is_lead() OR {row}id = mentorterm_me())"
    if table == "handover":
        # Written by the lead, or by the mentor who hands their own citizen on.
        return (
            f"(mentorterm_is_lead() OR ({row}from_mentor_id = mentorterm_me() "
            f"AND mentorterm_may_write({row}citizen_id)))"
        )
    if table == "cover":
        # Set up by the lead or by the mentor whose citizens are covered,
        # never by a mentor granting themselves a colleague's citizens.
        return f"(mentorterm_is_lead() OR {row}covered_id = mentorterm_me())"
    if table == "draft":
        # The review's decision being typed is the team's too (review_note below).
        return (
            f"({row}citizen_id IS NULL OR mentorterm_may_write({row}citizen_id) "
            f"OR starts_with({row}key, '{REVIEW_DRAFT}'))"
        )
    if table in ("workplace", "group_series", "group_session"):
        # The provider's own: the register and the group sessions are the team's.
        return "(mentorterm_me() IS NOT NULL OR mentorterm_is_lead())"
    if table == "session_participant":
        # The session's leader calls the roll for colleagues' citizens too.
        return (
            f"(mentorterm_may_write({row}citizen_id) OR EXISTS (SELECT 1 FROM group_session "
            f"WHERE id = {row}session_id AND leader_id = mentorterm_me()))"
        )
    if table == "review_note":
        # The meeting decides about any of the team's citizens, each mentor in
        # their own name (the lead too); the administrator's login, no mentor, imports.
        return (
            f"({row}mentor_id = mentorterm_me() "
            "OR (mentorterm_me() IS NULL AND mentorterm_is_lead()))"
        )
    return f"mentorterm_may_write({_citizen_of(table, row)})"


def _old_row_guard(table: str) -> list[str]:
    """An UPDATE policy checks only the new row: this refuses a change to a
    row that was not the writer's (taking a colleague's citizen, moving a
    colleague's record onto one's own citizen)."""
    name = f"mentorterm_{table}_was_mine"
    return [
        f'CREATE FUNCTION "{name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN '
        f"IF NOT {_may(table, 'OLD.')} THEN RAISE EXCEPTION "
        f"'row-level security: a record of a colleague''s citizen (%%)', TG_TABLE_NAME "
        "USING ERRCODE = '42501'; END IF; RETURN NEW; END $$",
        f'CREATE TRIGGER "{name}" BEFORE UPDATE ON "{table}" FOR EACH ROW '
        f'EXECUTE FUNCTION "{name}"()',
    ]


def _policies() -> list[str]:
    made: list[str] = []
    for model in ALL_MODELS:
        table = model._meta.table_name
        made += [
            f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY',
            f'ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY',
            f'CREATE POLICY team_reads ON "{table}" FOR SELECT USING (true)',
        ]
        if table != "review_note":  # any of the team's decisions may be taken over
            made += _old_row_guard(table)
        if table == "mentor":
            made.append(
                f'CREATE POLICY own_row ON "mentor" FOR UPDATE USING (true) '
                f"WITH CHECK ({_may('mentor')})"
            )
            made.append(
                'CREATE POLICY lead_adds ON "mentor" FOR INSERT WITH CHECK (mentorterm_is_lead())'
            )
            made.append(
                'CREATE POLICY lead_removes ON "mentor" FOR DELETE USING (mentorterm_is_lead())'
            )
            continue
        may = _may(table)
        # A citizen of one's own (the old row's guard) may go to the colleague
        # the latest handover names: a mentor hands their own citizen over.
        new_row = f"({may} OR mentorterm_handed_over(id, mentor_id))" if table == "citizen" else may
        if table == "review_note":
            # Deleted with its citizen (the citizen's writer), or by its author.
            made.append(
                'CREATE POLICY own_delete ON "review_note" FOR DELETE USING '
                "(mentorterm_may_write(citizen_id) OR mentor_id = mentorterm_me())"
            )
            made += [
                f'CREATE POLICY own_{action.lower()} ON "review_note" FOR {action} {clause}'
                for action, clause in (
                    ("INSERT", f"WITH CHECK ({may})"),
                    ("UPDATE", f"USING (true) WITH CHECK ({may})"),
                )
            ]
            continue
        # UPDATE sees every row and checks the new one: a change to a
        # colleague's record is refused aloud, not skipped in silence.
        for action, clause in (
            ("INSERT", f"WITH CHECK ({may})"),
            ("UPDATE", f"USING (true) WITH CHECK ({new_row})"),
            ("DELETE", f"USING ({may})"),
        ):
            made.append(f'CREATE POLICY own_{action.lower()} ON "{table}" FOR {action} {clause}')
    made += [
        "ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE audit_entry FORCE ROW LEVEL SECURITY",
        "CREATE POLICY team_reads ON audit_entry FOR SELECT USING (true)",
        "CREATE POLICY in_own_name ON audit_entry FOR INSERT WITH CHECK "
        "(mentorterm_is_lead() OR mentor_id IS NOT DISTINCT FROM mentorterm_me())",
        "CREATE POLICY lead_erases ON audit_entry FOR DELETE USING (mentorterm_is_lead())",
    ]
    return made + _sync_policies()


# Schema 13: a device is its mentor's; its marks, receipts and conflicts are
# written through it only while it is not revoked (a lost laptop's later
# sync is refused by the server itself, not only by the program).
_OWN_DEVICE = (
    "EXISTS (SELECT 1 FROM device WHERE id = {col} AND mentor_id = mentorterm_me() "
    "AND revoked_at IS NULL)"
)


def _sync_policies() -> list[str]:
    made: list[str] = []
    device = f"({_OWN_DEVICE.format(col='device_id')} OR mentorterm_is_lead())"
    rules = {
        "device": "(mentor_id = mentorterm_me() OR mentorterm_is_lead())",
        "checkout": f"({device} AND mentorterm_may_write(citizen_id))",
        "sync_receipt": device,
        "sync_conflict": (
            "(citizen_id IS NULL OR mentorterm_may_write(citizen_id) OR mentorterm_is_lead())"
        ),
    }
    for table, may in rules.items():
        made += [
            f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY',
            f'ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY',
            f'CREATE POLICY team_reads ON "{table}" FOR SELECT USING (true)',
            f'CREATE POLICY own_insert ON "{table}" FOR INSERT WITH CHECK ({may})',
            f'CREATE POLICY own_update ON "{table}" FOR UPDATE USING ({may}) WITH CHECK ({may})',
            f'CREATE POLICY own_delete ON "{table}" FOR DELETE USING ({may})',
        ]
    # Only the lead revokes a device or takes a revocation back.
    made += [
        'CREATE FUNCTION "mentorterm_device_revocation"() RETURNS trigger LANGUAGE plpgsql AS '
        "$$ BEGIN IF NEW.revoked_at IS DISTINCT FROM OLD.revoked_at AND NOT mentorterm_is_lead() "
        "THEN RAISE EXCEPTION 'only the team lead revokes a device' USING ERRCODE = '42501'; "
        "END IF; RETURN NEW; END $$",
        'CREATE TRIGGER "mentorterm_device_revocation" BEFORE UPDATE ON "device" FOR EACH ROW '
        'EXECUTE FUNCTION "mentorterm_device_revocation"()',
    ]
    return made


# Group roles are the server's, shared by every team database on it: what
# keeps another team's mentors (and lead) out is that only this team's logins
# may connect to this database at all.
_CLOSED = """DO $$ BEGIN
  EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %%I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %%I TO %%I WITH GRANT OPTION',
                 current_database(), current_user);
END $$"""


# Every login the team has may connect (an upgrade of a database made before
# CONNECT was closed keeps its mentors in; at ``team init`` there are none).
_MENTORS_CONNECT = f"""DO $$ DECLARE who TEXT; BEGIN
  FOR who IN SELECT login FROM mentor_login LOOP
    EXECUTE format('GRANT CONNECT ON DATABASE %%I TO %%I', current_database(), who)
      || CASE WHEN pg_has_role(who, '{LEAD_ROLE}', 'MEMBER') THEN ' WITH GRANT OPTION'
              ELSE '' END;
  END LOOP;
END $$"""


def _grants() -> list[str]:
    return [
        f"GRANT USAGE ON SCHEMA public TO {MENTOR_ROLE}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {MENTOR_ROLE}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {MENTOR_ROLE}",
        # The log takes rows and is never changed; erasing is the lead's.
        f"REVOKE UPDATE, DELETE ON audit_entry FROM {MENTOR_ROLE}",
        f"GRANT DELETE ON audit_entry, erasure_in_progress TO {LEAD_ROLE}",
        f"REVOKE INSERT, UPDATE, DELETE ON mentorterm_schema, mentor_login FROM {MENTOR_ROLE}",
        # A laptop's own tables: nobody's on the team database.
        f"REVOKE ALL ON sync_state, change_op FROM {MENTOR_ROLE}",
        f"GRANT INSERT, UPDATE, DELETE ON mentor_login TO {LEAD_ROLE}",
        f"REVOKE INSERT, DELETE ON audit_counter FROM {MENTOR_ROLE}",
        # Derived data, kept by its triggers (SECURITY DEFINER) and by nothing else.
        f"REVOKE INSERT, UPDATE, DELETE ON caseload_summary FROM {MENTOR_ROLE}",
        "REVOKE ALL ON FUNCTION mentorterm_may_write(INTEGER) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION mentorterm_may_write(INTEGER) TO {MENTOR_ROLE}",
    ]


def statements() -> list[str]:
    """What ``team init`` adds after the tables and triggers: the roles, the
    mapping of logins to mentors, the policies and the grants. The initialising
    role (the team lead, or the server's administrator) is made a lead."""
    return [
        _ROLES,
        _CLOSED,
        *_FUNCTIONS,
        *_policies(),
        *_grants(),
        _MENTORS_CONNECT,
        f"GRANT {LEAD_ROLE} TO current_user",
    ]


def _identifier(name: str) -> str:
    from psycopg import sql

    return sql.Identifier(name).as_string(None)


def _literal(value: str) -> str:
    from psycopg import sql

    return sql.Literal(value).as_string(None)


def add_mentor(
    database: peewee.Database, login: str, name: str, password: str | None, *, lead: bool
) -> int:
    """A new login role in the mentors' group and its mentor row; the mentor's id.

    One transaction: a login that exists, or no right to make roles, changes nothing."""
    from ..models import Mentor, db

    if not login or not login.replace("_", "").isalnum() or not login[0].isalpha():
        raise StorageError(
            _(
                "A login is letters, digits and _ and starts with a letter (got '{login}'). "
                "Nothing was changed."
            ).format(login=login)
        )
    exists = database.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,))
    if exists.fetchone():
        raise StorageError(
            _("There is already a login '{login}' on this server. Nothing was changed.").format(
                login=login
            )
        )
    role = _identifier(login)
    secret = f" PASSWORD {_literal(password)}" if password else ""
    groups = f"{MENTOR_ROLE}, {LEAD_ROLE}" if lead else MENTOR_ROLE
    with db.atomic():
        database.execute_sql(f"CREATE ROLE {role} LOGIN{secret} IN ROLE {groups}")
        # This database only (the groups' rights reach every team's on the server);
        # a lead may let the mentors they add in.
        here = database.execute_sql("SELECT current_database()").fetchone()[0]
        option = " WITH GRANT OPTION" if lead else ""
        database.execute_sql(f"GRANT CONNECT ON DATABASE {_identifier(here)} TO {role}{option}")
        mentor = Mentor.create(name=name, is_default=False)
        database.execute_sql(
            "INSERT INTO mentor_login (login, mentor_id) VALUES (%s, %s)", (login, mentor.id)
        )
    return mentor.id


def deactivate_mentor(database: peewee.Database, login: str) -> None:
    """The login can no longer connect; the mentor's row and history stay."""
    found = database.execute_sql("SELECT 1 FROM mentor_login WHERE login = %s", (login,))
    if not found.fetchone():
        raise StorageError(
            _("'{login}' is not a mentor's login in this team database.").format(login=login)
        )
    database.execute_sql(f"ALTER ROLE {_identifier(login)} NOLOGIN")


def me(database: peewee.Database) -> int | None:
    """The mentor behind this connection's login; None for the administrator."""
    return database.execute_sql("SELECT mentorterm_me()").fetchone()[0]


def is_lead(database: peewee.Database) -> bool:
    """Is this connection's login the team lead's (or the administrator's)?"""
    return bool(database.execute_sql("SELECT mentorterm_is_lead()").fetchone()[0])


def mentor_of(database: peewee.Database, login: str) -> int:
    """The mentor behind ``login``; StorageError when it is none of the team's."""
    row = database.execute_sql(
        "SELECT mentor_id FROM mentor_login WHERE login = %s", (login,)
    ).fetchone()
    if row is None:
        raise StorageError(
            _("'{login}' is not a mentor's login in this team database.").format(login=login)
        )
    return int(row[0])
