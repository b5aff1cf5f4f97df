"""Djoser's endpoints under /auth/: the paths of djoser.urls, djoser.urls.authtoken and djoser.urls.jwt.

The routes are Djoser's own; the views are Djoser's with the small changes of customers/accounts.py,
so they are routed here instead of including Djoser's URL modules.
"""
from django.urls import re_path
from djoser import views as djoser_views
from rest_framework.routers import DefaultRouter
from rest_framework_simplejwt.views import TokenRefreshView, TokenVerifyView

from customers.accounts import AccountTokenCreateView, AccountViewSet
from customers.views import TokenObtainView

router = DefaultRouter()
router.register("users", AccountViewSet)

urlpatterns = router.urls + [
    # djoser.urls.authtoken
    re_path(r"^token/login/?$", AccountTokenCreateView.as_view(), name="login"),
    re_path(r"^token/logout/?$", djoser_views.TokenDestroyView.as_view(), name="logout"),
    # djoser.urls.jwt (create is /api/token/'s view: the same throttle)
    re_path(r"^jwt/create/?", TokenObtainView.as_view(), name="jwt-create"),
    re_path(r"^jwt/refresh/?", TokenRefreshView.as_view(), name="jwt-refresh"),
    re_path(r"^jwt/verify/?", TokenVerifyView.as_view(), name="jwt-verify"),
]
