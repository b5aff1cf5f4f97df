from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from rest_framework import serializers
from rest_framework.authtoken.models import Token

from .models import Customer, CustomerChange

EDITABLE_FIELDS = ("email", "first_name", "last_name", "birth_date")


def validate_not_in_future(value):
    if value is not None and value > timezone.localdate():
        raise serializers.ValidationError("Birth date cannot be in the future.")
    return value


class CustomerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Customer
        fields = ("id", "username") + EDITABLE_FIELDS + ("is_staff", "date_joined")
        read_only_fields = ("id", "username", "is_staff", "date_joined")
        extra_kwargs = {"email": {"allow_blank": False}}

    def validate_birth_date(self, value):
        return validate_not_in_future(value)


class RegisterSerializer(serializers.ModelSerializer):
    email = serializers.EmailField()
    password = serializers.CharField(write_only=True, style={"input_type": "password"})

    class Meta:
        model = Customer
        fields = ("username", "email", "password", "first_name", "last_name", "birth_date")

    def validate_birth_date(self, value):
        return validate_not_in_future(value)

    def validate_password(self, value):
        """Django's AUTH_PASSWORD_VALIDATORS, as Djoser's password change applies them.

        So no password is good at one and refused at the other. A field validator, not validate():
        its messages come together with the other fields' errors.
        """
        similar = {k: v for k, v in self.initial_data.items()
                   if k in ("username", "email", "first_name", "last_name") and isinstance(v, str)}
        try:
            password_validation.validate_password(value, Customer(**similar))
        except DjangoValidationError as error:
            raise serializers.ValidationError(list(error.messages))
        return value

    def create(self, validated_data):
        return Customer.objects.create_user(**validated_data)


class AccountCreateSerializer(RegisterSerializer):
    """Djoser's POST /auth/users/: the registration fields in, the customer out (no token)."""

    def to_representation(self, instance):
        return CustomerSerializer(instance).data


def token_response(customer):
    """The {token, customer} body of register and login."""
    token, _ = Token.objects.get_or_create(user=customer)
    return {"token": token.key, "customer": CustomerSerializer(customer).data}


class CustomerChangeSerializer(serializers.ModelSerializer):
    by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = CustomerChange
        fields = ("at", "by", "changes")
