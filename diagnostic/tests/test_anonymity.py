"""An anonymous round keeps no link between a person and an answer: not in a table, not in a history table, not
in a session, not in a log line, not in an e-mail. The test answers through HTTP, then reads every row of every
table of the database."""

import logging

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection

from core.tests.support import url
from diagnostic.models import Answer
from diagnostic.receipts import cookie_name
from diagnostic.tests.factories import RoundFactory
from diagnostic.tests.helpers import answer_data, item_codes
from partnerships.models import Membership

pytestmark = pytest.mark.django_db

MARKER = "Commentaire-témoin-7f3a"


def person_columns() -> dict[str, list[str]]:
    """{table: columns pointing to a person (a user or a membership)}, read from the database's own relations."""
    people = {"accounts_user", "partnerships_membership"}
    found: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            relations = connection.introspection.get_relations(cursor, table)
            columns = [column for column, (_field, target) in relations.items() if target in people]
            if columns:
                found[table] = columns
    return found


def rows_of(table: str) -> tuple[list[str], list[tuple]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
        return [column[0] for column in cursor.description], cursor.fetchall()


def test_no_table_history_session_log_or_email_ties_the_person_to_the_answer(cast, client_for, caplog):
    partner = Membership.objects.get(user=cast.partner)
    round_ = RoundFactory(partnership=cast.partnership, invitees=[partner])
    caplog.set_level(logging.DEBUG)
    client = client_for(cast.partner)
    code = item_codes(round_)[0]
    response = client.post(
        url("diagnostic:answer", cast, round_pk=round_.pk), answer_data(round_, "c", comments={code: MARKER})
    )
    receipt = response.cookies[cookie_name(round_.pk)].value
    client.get(url("diagnostic:answer", cast, round_pk=round_.pk))  # the page that shows the receipt
    answer = Answer.objects.get(round=round_)
    answer_marks = {MARKER, str(answer.pk), answer.pk.hex, answer.receipt_digest, receipt}
    person_ids = {cast.partner.pk, partner.pk}

    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    pointing = person_columns()
    for table in tables:
        columns, rows = rows_of(table)
        for row in rows:
            text = " ".join(str(value) for value in row)
            if not any(mark in text for mark in answer_marks):
                continue
            # This row holds the answer: nothing in it may point to a person.
            for column in pointing.get(table, []):
                value = row[columns.index(column)]
                assert value is None or value not in person_ids, (table, column)
            assert cast.partner.email not in text and cast.partner.full_name not in text, table
    assert "diagnostic_historicalanswer" not in tables  # an answer keeps no history

    for session in Session.objects.all():
        decoded = str(session.get_decoded())
        assert not any(mark in decoded for mark in answer_marks), "the session names the answer"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert not any(mark in logged for mark in answer_marks)
    assert not any(MARKER in message.body or receipt in message.body for message in mail.outbox)


def test_the_answers_are_rewritten_in_a_new_order_at_every_answer(cast):
    from diagnostic import services

    members = [Membership.objects.get(user=user) for user in (cast.coordinator, cast.committee, cast.partner)]
    round_ = RoundFactory(partnership=cast.partnership, invitees=members)
    grades = dict.fromkeys(item_codes(round_), "a")
    for member in members:
        services.answer_submit(round_=round_, membership=member, grades=grades, comments={})
    assert Answer.objects.filter(round=round_).count() == 3
    assert not Answer.objects.filter(round=round_, membership__isnull=False).exists()
