from django.urls import path

from core.routes import cycle_path

from .views import agenda, attendance, calendar, decisions, meetings, minutes

app_name = "meetings"

MEETING = "rencontres/<int:meeting_pk>/"
DECISION = MEETING + "decisions/<int:decision_pk>/"

urlpatterns = [
    cycle_path("rencontres/", meetings.meeting_list, name="meetings"),
    cycle_path("rencontres/sequence-type/", meetings.sequence_give, name="sequence_give"),
    cycle_path("rencontres/nouvelle/", meetings.meeting_create, name="meeting_create"),
    cycle_path(MEETING, meetings.meeting_detail, name="meeting_detail"),
    cycle_path(MEETING + "modifier/", meetings.meeting_edit, name="meeting_edit"),
    cycle_path(MEETING + "supprimer/", meetings.meeting_delete, name="meeting_delete"),
    cycle_path(MEETING + "historique/", meetings.meeting_history, name="meeting_history"),
    cycle_path(MEETING + "deplacer/", meetings.meeting_move, name="meeting_move"),
    cycle_path(MEETING + "suivante/", meetings.meeting_next, name="meeting_next"),
    cycle_path(MEETING + "reporter/", meetings.carry_over, name="carry_over"),
    cycle_path(MEETING + "inviter/", meetings.meeting_invite, name="meeting_invite"),
    cycle_path(MEETING + "imprimer/", meetings.meeting_print, name="meeting_print"),
    cycle_path(MEETING + "rencontre.ics", meetings.meeting_ics, name="meeting_ics"),
    cycle_path(MEETING + "ordre-du-jour/", agenda.agenda_edit, name="agenda_edit"),
    cycle_path(MEETING + "presences/", attendance.attendance_edit, name="attendance_edit"),
    cycle_path(MEETING + "compte-rendu/", minutes.minutes_edit, name="minutes_edit"),
    cycle_path(MEETING + "approuver/<int:minutes_pk>/", minutes.minutes_approve, name="minutes_approve"),
    cycle_path("comptes-rendus/<int:minutes_pk>/historique/", minutes.minutes_history, name="minutes_history"),
    cycle_path(MEETING + "decisions/nouvelle/", decisions.decision_create, name="decision_create"),
    cycle_path(DECISION + "modifier/", decisions.decision_edit, name="decision_edit"),
    cycle_path(DECISION + "supprimer/", decisions.decision_delete, name="decision_delete"),
    cycle_path(DECISION + "historique/", decisions.decision_history, name="decision_history"),
    cycle_path(MEETING + "suivis/<int:task_pk>/modifier/", decisions.task_edit, name="task_edit"),
    path("mon-calendrier/", calendar.feed_settings, name="feed_settings"),
    path("calendrier/<str:token>/rencontres.ics", calendar.feed, name="feed"),
]
