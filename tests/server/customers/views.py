import hashlib
import json
import threading

from django.db import connection, transaction
from django.shortcuts import get_object_or_404
from rest_framework import filters, generics, status
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.exceptions import APIException
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny, IsAdminUser
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView
from rest_framework_simplejwt.views import TokenObtainPairView

from .models import Customer, CustomerChange
from .serializers import (
    EDITABLE_FIELDS,
    CustomerChangeSerializer,
    CustomerSerializer,
    RegisterSerializer,
    token_response,
)

# runserver is threaded: this makes "compare If-Match, then save" one step.
_update_lock = threading.Lock()


def _take_write_lock():
    """Inside transaction.atomic(): take SQLite's write lock before reading.

    A transaction that reads first and writes later fails at once with "database is locked" when
    another connection (a registration, a login creating its token) writes in between: SQLite cannot
    wait there without risking a deadlock. A write as the first statement waits for the lock (the
    database's 20 s timeout) instead, so concurrent requests queue rather than answer 500.
    """
    with connection.cursor() as cursor:
        cursor.execute("UPDATE %s SET id = id WHERE 0" % Customer._meta.db_table)


def etag_of(customer):
    """A strong ETag over the customer's serialized state; opaque to clients."""
    state = json.dumps(CustomerSerializer(customer).data, sort_keys=True)
    return '"%s"' % hashlib.sha1(state.encode()).hexdigest()


def if_match_satisfied(header, etag):
    tags = [tag.strip() for tag in header.split(",")]
    return "*" in tags or etag in tags


class PreconditionRequired(APIException):
    status_code = 428
    default_detail = "This request must carry an If-Match header with the customer's ETag."
    default_code = "precondition_required"


class RegisterView(generics.CreateAPIView):
    authentication_classes = ()
    permission_classes = (AllowAny,)
    serializer_class = RegisterSerializer

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        customer = serializer.save()
        return Response(token_response(customer), status=status.HTTP_201_CREATED)


class LoginView(APIView):
    """Like DRF's obtain_auth_token, but answers {token, customer}."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (ScopedRateThrottle,)
    throttle_scope = "login"

    def post(self, request):
        serializer = AuthTokenSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        return Response(token_response(serializer.validated_data["user"]))


class TokenObtainView(TokenObtainPairView):
    """simplejwt's pair view, throttled like the login."""

    throttle_classes = (ScopedRateThrottle,)
    throttle_scope = "login"


class LogoutView(APIView):
    def post(self, request):
        Token.objects.filter(user=request.user).delete()
        return Response({"success": True})


class ConditionalUpdateMixin:
    """GET answers with an ETag; PUT/PATCH honour If-Match and record the change in the history.

    PUT is partial too: the contract lets a client send any subset of the editable fields.
    """

    serializer_class = CustomerSerializer
    if_match_required = False

    def customer_response(self, customer, status_code=status.HTTP_200_OK):
        return Response(CustomerSerializer(customer).data, status=status_code,
                        headers={"ETag": etag_of(customer)})

    def retrieve(self, request, *args, **kwargs):
        return self.customer_response(self.get_object())

    def update(self, request, *args, **kwargs):
        if_match = request.headers.get("If-Match")
        with _update_lock, transaction.atomic():
            _take_write_lock()
            customer = self.get_object()
            if if_match is None and self.if_match_required:
                raise PreconditionRequired()
            if if_match is not None and not if_match_satisfied(if_match, etag_of(customer)):
                return self.customer_response(customer, status.HTTP_412_PRECONDITION_FAILED)
            before = CustomerSerializer(customer).data
            serializer = CustomerSerializer(customer, data=request.data, partial=True)
            serializer.is_valid(raise_exception=True)
            serializer.save()
            changes = {f: [before[f], serializer.data[f]] for f in EDITABLE_FIELDS
                       if before[f] != serializer.data[f]}
            if changes:
                CustomerChange.objects.create(customer=customer, by=request.user, changes=changes)
        return self.customer_response(customer)


class ProfileView(ConditionalUpdateMixin, generics.RetrieveUpdateAPIView):
    def get_object(self):
        # A fresh copy, not request.user: it may be stale by the time the update lock is held.
        return Customer.objects.get(pk=self.request.user.pk)


class CustomerPagination(PageNumberPagination):
    page_size = 10
    page_size_query_param = "page_size"
    max_page_size = 100


class CustomerListView(generics.ListAPIView):
    permission_classes = (IsAdminUser,)
    queryset = Customer.objects.all()
    serializer_class = CustomerSerializer
    pagination_class = CustomerPagination
    filter_backends = (filters.SearchFilter, filters.OrderingFilter)
    search_fields = ("username", "email", "first_name", "last_name")
    ordering_fields = ("id", "username", "email", "first_name", "last_name", "date_joined")
    ordering = ("id",)


class CustomerDetailView(ConditionalUpdateMixin, generics.RetrieveUpdateAPIView):
    permission_classes = (IsAdminUser,)
    queryset = Customer.objects.all()
    if_match_required = True
    http_method_names = ("get", "patch", "head", "options")


class CustomerHistoryView(generics.ListAPIView):
    permission_classes = (IsAdminUser,)
    serializer_class = CustomerChangeSerializer
    pagination_class = None

    def get_queryset(self):
        customer = get_object_or_404(Customer, pk=self.kwargs["pk"])
        return customer.changes.select_related("by")
