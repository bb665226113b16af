from django.urls import include, path

from . import views

app_name = "partnerships"

partnership_patterns = [
    path("", views.partnership_home, name="home"),
    path("profil/", views.profile, name="profile"),
    path("membres/", views.member_list, name="members"),
]

urlpatterns = [
    path("administration/regroupements/", views.admin_partnership_list, name="admin_list"),
    path("p/<slug:slug>/", include(partnership_patterns)),
]
