from django.urls import path

from core.routes import cycle_path

from .views import communication, due, reminders, reports, sets

app_name = "followup"

REPORT = "suivis/<int:report_pk>/"
ITEM = "communication/<int:item_pk>/"

urlpatterns = [
    path("mes-rappels/", reminders.reminder_settings, name="reminder_settings"),
    cycle_path("suivis/", reports.report_list, name="reports"),
    cycle_path("suivis/echeances/", due.due_reports, name="due"),
    cycle_path("suivis/mes-echeances/", due.my_due_reports, name="my_due"),
    cycle_path("suivis/actions/<int:action_pk>/nouveau/", reports.report_create, name="report_create"),
    cycle_path(REPORT, reports.report_detail, name="report_detail"),
    cycle_path(REPORT + "modifier/", reports.report_edit, name="report_edit"),
    cycle_path(REPORT + "remettre/", reports.report_submit, name="report_submit"),
    cycle_path(REPORT + "renvoyer/", reports.report_send_back, name="report_send_back"),
    cycle_path(REPORT + "portee/", sets.reach, name="report_reach"),
    cycle_path(REPORT + "depenses/", sets.spending, name="report_spending"),
    cycle_path(REPORT + "supprimer/", reports.report_delete, name="report_delete"),
    cycle_path(REPORT + "historique/", reports.report_history, name="report_history"),
    cycle_path("communication/", communication.communication_plan, name="communication"),
    cycle_path(ITEM + "modifier/", communication.communication_edit, name="communication_edit"),
    cycle_path(ITEM + "supprimer/", communication.communication_delete, name="communication_delete"),
    cycle_path(ITEM + "historique/", communication.communication_history, name="communication_history"),
]
