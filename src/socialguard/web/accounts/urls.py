from django.contrib.auth import views as auth_views
from django.urls import path

from socialguard.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("me/", views.me, name="me"),
    path("<slug:school>/members/", views.members, name="members"),
    path("<slug:school>/members/<int:membership>/remove/", views.member_remove,
         name="member_remove"),
    path("password/", auth_views.PasswordChangeView.as_view(
        template_name="accounts/password_change.html", success_url="/accounts/me/"),
        name="password_change"),
]
