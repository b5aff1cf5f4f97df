"""Djoser's views as the reference server mounts them under /auth/ (see portal_server/auth_urls.py).

Djoser's own classes with three changes, each of which keeps the server consistent with /api/:
- the token login (/auth/token/login/) shares the login throttle of /api/login/ and /api/token/;
- a password reset goes to every active account with that address, as Django's PasswordResetForm
  does (Djoser asks the database for exactly one and answers 500 when two accounts share an address,
  which generated customers do);
- a customer's edit through /auth/users/me/ lands in the staff history like one through
  /api/profile/.
"""
from djoser import views as djoser_views
from djoser.compat import get_user_email
from djoser.conf import settings as djoser_settings
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from .models import Customer, CustomerChange
from .serializers import EDITABLE_FIELDS, CustomerSerializer


class AccountTokenCreateView(djoser_views.TokenCreateView):
    throttle_classes = (ScopedRateThrottle,)
    throttle_scope = "login"


class AccountViewSet(djoser_views.UserViewSet):
    def perform_update(self, serializer):
        before = CustomerSerializer(serializer.instance).data
        super().perform_update(serializer)
        after = CustomerSerializer(serializer.instance).data
        changes = {f: [before[f], after[f]] for f in EDITABLE_FIELDS if before[f] != after[f]}
        if changes:
            CustomerChange.objects.create(customer=serializer.instance, by=self.request.user,
                                          changes=changes)

    @action(["post"], detail=False)
    def reset_password(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        accounts = Customer.objects.filter(email__iexact=serializer.validated_data["email"],
                                           is_active=True)
        for customer in accounts:
            if customer.has_usable_password():
                djoser_settings.EMAIL.password_reset(request, {"user": customer}).send(
                    [get_user_email(customer)])
        return Response(status=status.HTTP_204_NO_CONTENT)
