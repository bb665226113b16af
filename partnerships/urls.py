from django.urls import include, path

from .views import administration, invitations, members, profile

app_name = "partnerships"

partnership_patterns = [
    path("", profile.partnership_home, name="home"),
    path("profil/", profile.profile, name="profile"),
    path("profil/modifier/", profile.profile_edit, name="profile_edit"),
    path("profil/historique/", profile.profile_history, name="profile_history"),
    path("membres/", members.member_list, name="members"),
    path("membres/inviter/", members.invite, name="invite"),
    path("membres/<int:membership_pk>/modifier/", members.member_edit, name="member_edit"),
    path("membres/<int:membership_pk>/retirer/", members.member_remove, name="member_remove"),
    path("membres/<int:membership_pk>/historique/", members.member_history, name="member_history"),
    path("invitations/<int:invitation_pk>/renvoyer/", members.invitation_resend, name="invitation_resend"),
    path("invitations/<int:invitation_pk>/annuler/", members.invitation_revoke, name="invitation_revoke"),
]

urlpatterns = [
    path("administration/regroupements/", administration.admin_partnership_list, name="admin_list"),
    path("administration/regroupements/nouveau/", administration.admin_partnership_create, name="admin_create"),
    path("invitations/<str:token>/", invitations.invitation_accept, name="invitation_accept"),
    path("p/<slug:slug>/", include(partnership_patterns)),
]
