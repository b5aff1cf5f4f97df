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
    password = serializers.CharField(write_only=True, min_length=8, style={"input_type": "password"})

    class Meta:
        model = Customer
        fields = ("username", "email", "password", "first_name", "last_name", "birth_date")

    def validate_birth_date(self, value):
        return validate_not_in_future(value)

    def create(self, validated_data):
        return Customer.objects.create_user(**validated_data)


def token_response(customer):
    """The {token, customer} body of register and login."""
    token, _ = Token.objects.get_or_create(user=customer)
    return {"token": token.key, "customer": CustomerSerializer(customer).data}


class CustomerChangeSerializer(serializers.ModelSerializer):
    by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = CustomerChange
        fields = ("at", "by", "changes")
