from django.conf import settings
from django.urls import include, path
from rest_framework_simplejwt.views import TokenBlacklistView, TokenRefreshView

from customers import views

urlpatterns = [
    path("api/register/", views.RegisterView.as_view()),
    path("api/login/", views.LoginView.as_view()),
    path("api/logout/", views.LogoutView.as_view()),
    path("api/profile/", views.ProfileView.as_view()),
    path("api/customers/", views.CustomerListView.as_view()),
    path("api/customers/<int:pk>/", views.CustomerDetailView.as_view()),
    path("api/customers/<int:pk>/history/", views.CustomerHistoryView.as_view()),
    path("api/token/", views.TokenObtainView.as_view()),
    path("api/token/refresh/", TokenRefreshView.as_view()),
    path("api/token/blacklist/", TokenBlacklistView.as_view()),
]

if settings.PORTAL_SERVER_DJOSER:
    urlpatterns.append(path("auth/", include("portal_server.auth_urls")))
