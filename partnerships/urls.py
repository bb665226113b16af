from django.urls import path

from core.routes import partnership_path

from .views import administration, invitations, members, profile

app_name = "partnerships"
urlpatterns = [
    path("administration/regroupements/", administration.admin_partnership_list, name="admin_list"),
    path("administration/regroupements/nouveau/", administration.admin_partnership_create, name="admin_create"),
    path("invitations/<str:token>/", invitations.invitation_accept, name="invitation_accept"),
    partnership_path("", profile.partnership_home, name="home"),
    partnership_path("profil/", profile.profile, name="profile"),
    partnership_path("profil/modifier/", profile.profile_edit, name="profile_edit"),
    partnership_path("profil/historique/", profile.profile_history, name="profile_history"),
    partnership_path("profil/territoires/", profile.territory_nesting, name="territory_nesting"),
    partnership_path("membres/", members.member_list, name="members"),
    partnership_path("membres/inviter/", members.invite, name="invite"),
    partnership_path("membres/<int:membership_pk>/modifier/", members.member_edit, name="member_edit"),
    partnership_path("membres/<int:membership_pk>/retirer/", members.member_remove, name="member_remove"),
    partnership_path("membres/<int:membership_pk>/historique/", members.member_history, name="member_history"),
    partnership_path("invitations/<int:invitation_pk>/renvoyer/", members.invitation_resend, name="invitation_resend"),
    partnership_path("invitations/<int:invitation_pk>/annuler/", members.invitation_revoke, name="invitation_revoke"),
]
