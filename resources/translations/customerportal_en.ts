<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English is the source language. This catalogue holds only the plural forms that English needs
     ("1 second", "2 seconds"); every other string is shown as written in the source. It is compiled
     with lrelease only (never lupdate), so new plural strings must be added here by hand. -->
<TS version="2.1" language="en">
<context>
    <name>ApiError</name>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n seconds.</source>
        <translation>
            <numerusform>Too many attempts. Try again in %n second.</numerusform>
            <numerusform>Too many attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portal::RetryCountdown</name>
    <message numerus="yes">
        <source>The server asked to wait. Trying again in %n seconds.</source>
        <translation>
            <numerusform>The server asked to wait. Trying again in %n second.</numerusform>
            <numerusform>The server asked to wait. Trying again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portal::CustomersPage</name>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
</context>
</TS>
