<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ApiError</name>
    <message>
        <source>%1 The server said: “%2”</source>
        <extracomment>%1 is one of the sentences here, %2 is the server&apos;s own message (plain text).</extracomment>
        <translation>%1 Der Server meldete: „%2“</translation>
    </message>
    <message>
        <source>Please correct the highlighted fields.</source>
        <translation>Bitte korrigieren Sie die markierten Felder.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment, then try again.</source>
        <translation>Zu viele Versuche. Warten Sie einen Moment und versuchen Sie es dann erneut.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n seconds.</source>
        <translation>
            <numerusform>Zu viele Versuche. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Versuche. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server needs the latest version of this record before saving. Reload it and try again.</source>
        <translation>Der Server benötigt vor dem Speichern die neueste Fassung dieses Datensatzes. Laden Sie ihn neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Someone else changed this first. Review the current values, then make your changes again.</source>
        <translation>Jemand anderes hat dies zuerst geändert. Prüfen Sie die aktuellen Werte und nehmen Sie Ihre Änderungen dann erneut vor.</translation>
    </message>
    <message>
        <source>The server tried to send you to another address; the request was stopped to keep your sign-in safe.</source>
        <translation>Der Server wollte Sie an eine andere Adresse weiterleiten; die Anfrage wurde gestoppt, um Ihre Anmeldung zu schützen.</translation>
    </message>
    <message>
        <source>The server tried to send you to another address (%1); the request was stopped to keep your sign-in safe.</source>
        <extracomment>%1 is the other address, such as https://elsewhere.example.</extracomment>
        <translation>Der Server wollte Sie an eine andere Adresse (%1) weiterleiten; die Anfrage wurde gestoppt, um Ihre Anmeldung zu schützen.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Dazu sind Sie nicht berechtigt.</translation>
    </message>
    <message>
        <source>The server could not find what was asked for. It may have been removed, or the server address may be wrong.</source>
        <translation>Der Server konnte das Angeforderte nicht finden. Es wurde möglicherweise entfernt, oder die Serveradresse ist falsch.</translation>
    </message>
    <message>
        <source>The server had a problem (HTTP %1). Try again later.</source>
        <extracomment>%1 is the HTTP status code, such as 503.</extracomment>
        <translation>Auf dem Server ist ein Problem aufgetreten (HTTP %1). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server took too long to answer. Try again.</source>
        <translation>Der Server hat zu lange nicht geantwortet. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Plain http is allowed only to this computer; use https.</source>
        <translation>Unverschlüsseltes http ist nur zu diesem Computer erlaubt; verwenden Sie https.</translation>
    </message>
    <message>
        <source>The server sent an answer this app does not understand. Check that the server address is right.</source>
        <translation>Der Server hat eine Antwort gesendet, die diese App nicht versteht. Prüfen Sie, ob die Serveradresse stimmt.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Etwas ist schiefgegangen.</translation>
    </message>
    <message>
        <source>The server sent a far bigger answer than expected, so it was not read. Check that the server address is right.</source>
        <translation>Der Server hat eine viel größere Antwort als erwartet gesendet; sie wurde nicht gelesen. Prüfen Sie, ob die Serveradresse stimmt.</translation>
    </message>
    <message>
        <source>Your network&apos;s proxy server asks for a sign-in, which this app does not support. Ask your administrator for a connection without one.</source>
        <translation>Der Proxyserver Ihres Netzwerks verlangt eine Anmeldung, die diese App nicht unterstützt. Bitten Sie Ihre Administration um eine Verbindung ohne Anmeldung.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not from an authority this computer trusts, so the connection was stopped. If your company uses its own, its administrator can add it (network/caCertificates).</source>
        <extracomment>%1 is the server&apos;s host name and port.</extracomment>
        <translation>Das Zertifikat von %1 stammt nicht von einer Stelle, der dieser Computer vertraut; die Verbindung wurde daher beendet. Verwendet Ihre Firma eine eigene, kann die Administration sie hinzufügen (network/caCertificates).</translation>
    </message>
    <message>
        <source>The certificate of %1 was issued for another name, so the connection was stopped. Check the server address.</source>
        <translation>Das Zertifikat von %1 wurde für einen anderen Namen ausgestellt; die Verbindung wurde daher beendet. Prüfen Sie die Serveradresse.</translation>
    </message>
    <message>
        <source>The certificate of %1 has expired (or is not valid yet), so the connection was stopped. Check this computer&apos;s date, or tell the server&apos;s administrator.</source>
        <translation>Das Zertifikat von %1 ist abgelaufen (oder noch nicht gültig); die Verbindung wurde daher beendet. Prüfen Sie das Datum dieses Computers oder wenden Sie sich an die Administration des Servers.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed, so nothing was sent.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The server accepted your password but rejected the session it issued. Contact the server&apos;s administrator.</source>
        <translation>Der Server hat Ihr Passwort angenommen, aber die Sitzung abgelehnt, die er selbst ausgestellt hat. Wenden Sie sich an die Administration des Servers.</translation>
    </message>
    <message>
        <source>Can&apos;t reach the server at %1. Check your connection, or the server address (Settings ▸ Server address…).</source>
        <extracomment>%1 is the server&apos;s host name and port, such as portal.example.com:8443. &quot;Settings ▸ Server address…&quot; is the menu path: the Settings menu and its Server address… item.</extracomment>
        <translation>Der Server %1 ist nicht erreichbar. Prüfen Sie Ihre Verbindung oder die Serveradresse (Einstellungen ▸ Serveradresse …).</translation>
    </message>
    <message>
        <source>The connection to the server at %1 broke off before its answer was complete. Check your connection and try again.</source>
        <extracomment>%1 is the server&apos;s host name and port, such as portal.example.com:8443.</extracomment>
        <translation>Die Verbindung zum Server %1 brach ab, bevor seine Antwort vollständig war. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Can&apos;t reach the server at %1. Check your connection and try again; if it goes on, tell your administrator.</source>
        <extracomment>%1 is the server&apos;s host name and port, such as portal.example.com:8443. The administrator set the address; the person cannot change it in the app.</extracomment>
        <translation>Der Server %1 ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut; wenn es so bleibt, wenden Sie sich an Ihre Administration.</translation>
    </message>
</context>
<context>
    <name>ServerUrl</name>
    <message>
        <source>Use an address starting with https://.</source>
        <translation>Verwenden Sie eine Adresse, die mit https:// beginnt.</translation>
    </message>
    <message>
        <source>The address has no server name. Enter one such as https://portal.example.com.</source>
        <translation>Die Adresse enthält keinen Servernamen. Geben Sie einen ein, zum Beispiel https://portal.example.com.</translation>
    </message>
    <message>
        <source>Leave the user name and password out of the address.</source>
        <translation>Lassen Sie Benutzername und Passwort aus der Adresse weg.</translation>
    </message>
    <message>
        <source>Plain http is allowed only to this computer; use https.</source>
        <translation>Unverschlüsseltes http ist nur zu diesem Computer erlaubt; verwenden Sie https.</translation>
    </message>
    <message>
        <source>Enter the server address, such as https://portal.example.com.</source>
        <translation>Geben Sie die Serveradresse ein, zum Beispiel https://portal.example.com.</translation>
    </message>
    <message>
        <source>Enter a full address starting with https://</source>
        <translation>Geben Sie eine vollständige Adresse ein, die mit https:// beginnt</translation>
    </message>
    <message>
        <source>This is not a valid address. Check it for typing mistakes.</source>
        <translation>Dies ist keine gültige Adresse. Prüfen Sie sie auf Tippfehler.</translation>
    </message>
</context>
<context>
    <name>portal::AccountActions</name>
    <message>
        <source>Change &amp;password…</source>
        <translation>&amp;Passwort ändern…</translation>
    </message>
    <message>
        <source>&amp;Delete account…</source>
        <translation>Konto &amp;löschen…</translation>
    </message>
    <message>
        <source>This server doesn&apos;t offer password changes.</source>
        <translation>Dieser Server bietet keine Passwortänderung an.</translation>
    </message>
    <message>
        <source>This server doesn&apos;t offer password resets.</source>
        <translation>Dieser Server bietet kein Zurücksetzen von Passwörtern an.</translation>
    </message>
    <message>
        <source>This server doesn&apos;t offer deleting accounts.</source>
        <translation>Dieser Server bietet kein Löschen von Konten an.</translation>
    </message>
</context>
<context>
    <name>portal::AuthStateManager</name>
    <message>
        <source>You&apos;re signed in, but your sign-in couldn&apos;t be saved in the keychain, so you&apos;ll need to sign in again next time.</source>
        <translation>Sie sind angemeldet, aber Ihre Anmeldung konnte nicht im Schlüsselbund gespeichert werden. Beim nächsten Mal müssen Sie sich erneut anmelden.</translation>
    </message>
    <message>
        <source>Your sign-in was renewed, but the keychain couldn&apos;t keep it, so you&apos;ll need to sign in again next time.</source>
        <translation>Ihre Anmeldung wurde erneuert, aber der Schlüsselbund konnte sie nicht speichern. Sie müssen sich beim nächsten Mal erneut anmelden.</translation>
    </message>
</context>
<context>
    <name>portal::BirthDateEdit</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Choose birth date</source>
        <translation>Geburtsdatum auswählen</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht angegeben</translation>
    </message>
</context>
<context>
    <name>portal::BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation>Bitte warten</translation>
    </message>
</context>
<context>
    <name>portal::ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>Neues Passwort bestätigen</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>Passwort &amp;ändern</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>Passwort geändert.</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Geben Sie Ihr aktuelles Passwort ein.</translation>
    </message>
</context>
<context>
    <name>portal::CommandLine</name>
    <message>
        <source>Customer Portal: sign in to your customer account and manage your profile.</source>
        <translation>Kundenportal: Melden Sie sich bei Ihrem Kundenkonto an und verwalten Sie Ihr Profil.</translation>
    </message>
    <message>
        <source>Connect to the server at &lt;url&gt; for this run only (not saved). Plain http is allowed only to this computer; use https.</source>
        <translation>Nur für diesen Start mit dem Server unter &lt;url&gt; verbinden (wird nicht gespeichert). Unverschlüsseltes http ist nur zu diesem Computer erlaubt; verwenden Sie https.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Customer Portal %1</source>
        <translation>Kundenportal %1</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>Invalid --server address &quot;%1&quot;: %2</source>
        <translation>Ungültige Adresse für --server „%1“: %2</translation>
    </message>
    <message>
        <source>How the server signs people in, for this run only: token (Django REST framework tokens) or jwt (simplejwt).</source>
        <translation>Wie der Server anmeldet, nur für diesen Start: token (Tokens von Django REST framework) oder jwt (simplejwt).</translation>
    </message>
    <message>
        <source>method</source>
        <translation>verfahren</translation>
    </message>
    <message>
        <source>Invalid --auth value &quot;%1&quot;: use token or jwt.</source>
        <translation>Ungültiger Wert für --auth „%1“: Verwenden Sie token oder jwt.</translation>
    </message>
    <message>
        <source>Your administrator set the server address to %1; --server cannot connect to %2.</source>
        <translation>Ihr Administrator hat die Serveradresse auf %1 festgelegt; --server kann keine Verbindung zu %2 herstellen.</translation>
    </message>
    <message>
        <source>Which endpoints the server has, for this run only: seed (the portal&apos;s /api/ views) or djoser (Djoser under /auth/).</source>
        <translation>Welche Endpunkte der Server hat, nur für diesen Start: seed (die /api/-Ansichten des Portals) oder djoser (Djoser unter /auth/).</translation>
    </message>
    <message>
        <source>flavour</source>
        <translation>variante</translation>
    </message>
    <message>
        <source>Invalid --api value &quot;%1&quot;: use seed or djoser.</source>
        <translation>Ungültiger Wert für --api „%1“: verwenden Sie seed oder djoser.</translation>
    </message>
</context>
<context>
    <name>portal::ConfirmDiscard</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Your edits have not been saved.</source>
        <translation>Ihre Änderungen wurden nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>portal::ConflictDialog</name>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Save your changed fields on top of their version</source>
        <translation>Ihre geänderten Felder in die andere Version übernehmen und speichern</translation>
    </message>
    <message>
        <source>Discard your edits and show their version</source>
        <translation>Ihre Änderungen verwerfen und die andere Version anzeigen</translation>
    </message>
    <message>
        <source>Close this and keep editing; nothing is sent</source>
        <translation>Schließen und weiter bearbeiten; es wird nichts gesendet</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>You started from</source>
        <translation>Ihr Ausgangswert</translation>
    </message>
    <message>
        <source>Theirs now</source>
        <translation>Andere Version (jetzt)</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Ihre Version</translation>
    </message>
    <message>
        <source>Someone else changed this customer (%1) while you were editing. Nothing has been saved yet. Compare the values and choose what to keep.</source>
        <extracomment>%1 is the customer&apos;s username.</extracomment>
        <translation>Jemand anderes hat diesen Kunden (%1) geändert, während Sie ihn bearbeitet haben. Es wurde noch nichts gespeichert. Vergleichen Sie die Werte und wählen Sie, was erhalten bleiben soll.</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Meine Version behalten</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Andere Version übernehmen</translation>
    </message>
    <message>
        <source>Keep &amp;editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>portal::CustomerEditPage</name>
    <message>
        <source>Edit customer</source>
        <translation>Kundendaten bearbeiten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Back to customers</source>
        <translation>&amp;Zurück zu den Kunden</translation>
    </message>
    <message>
        <source>You have unsaved changes from your last session. Review and save them.</source>
        <translation>Sie haben ungespeicherte Änderungen aus Ihrer letzten Sitzung. Prüfen und speichern Sie sie.</translation>
    </message>
    <message>
        <source>Back to the list of customers</source>
        <translation>Zurück zur Kundenliste</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>No staff edits yet.</source>
        <translation>Noch keine Änderungen durch den Support.</translation>
    </message>
    <message>
        <source>The history could not be loaded: %1</source>
        <translation>Der Verlauf konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Nothing to save: no field was changed.</source>
        <translation>Nichts zu speichern: Es wurde kein Feld geändert.</translation>
    </message>
    <message>
        <source>Discard your unsaved changes to this customer?</source>
        <translation>Ungespeicherte Änderungen an diesen Kundendaten verwerfen?</translation>
    </message>
    <message>
        <source>Discard and go back</source>
        <translation>Verwerfen und zurückgehen</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Showing their version. Your edits were discarded.</source>
        <translation>Die andere Version wird angezeigt. Ihre Änderungen wurden verworfen.</translation>
    </message>
    <message>
        <source>Your edits are kept and nothing was sent. Saving will put your changed fields on top of their version.</source>
        <translation>Ihre Änderungen bleiben erhalten, und es wurde nichts gesendet. Beim Speichern werden Ihre geänderten Felder in die andere Version übernommen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>The heading: %1 is the customer&apos;s name, %2 their username.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Discard your edits (%1)</source>
        <translation>Ihre Änderungen verwerfen (%1)</translation>
    </message>
</context>
<context>
    <name>portal::CustomerForm</name>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <source>Can&apos;t be changed.</source>
        <translation>Kann nicht geändert werden.</translation>
    </message>
</context>
<context>
    <name>portal::CustomerHistoryModel</name>
    <message>
        <source>%1 by %2
%3</source>
        <extracomment>%1 is a date and time, %2 the staff member&apos;s username, %3 one line per changed field.</extracomment>
        <translation>%1 von %2
%3</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <extracomment>A changed field: %1 its label, %2 the old value, %3 the new value.</extracomment>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1 by a deleted account
%2</source>
        <extracomment>%1 is a date and time, %2 one line per changed field; the author&apos;s account is gone.</extracomment>
        <translation>%1 von einem gelöschten Konto
%2</translation>
    </message>
</context>
<context>
    <name>portal::CustomerListModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Joined</source>
        <extracomment>Column header: the date the customer&apos;s account was created.</extracomment>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>The server cannot sort by this column.</source>
        <translation>Nach dieser Spalte kann der Server nicht sortieren.</translation>
    </message>
</context>
<context>
    <name>portal::CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Kunden suchen</translation>
    </message>
    <message>
        <source>Name, username or email</source>
        <translation>Name, Benutzername oder E-Mail</translation>
    </message>
    <message>
        <source>Search customers (%1)</source>
        <translation>Kunden suchen (%1)</translation>
    </message>
    <message>
        <source>Loading customers…</source>
        <translation>Kunden werden geladen …</translation>
    </message>
    <message>
        <source>There are no customers yet.</source>
        <translation>Es gibt noch keine Kunden.</translation>
    </message>
    <message>
        <source>No customers match “%1”.</source>
        <translation>Zu „%1“ wurden keine Kunden gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln Kunde</numerusform>
            <numerusform>%Ln Kunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the selected customer (%1)</source>
        <translation>Ausgewählten Kunden öffnen (%1)</translation>
    </message>
    <message>
        <source>The customers could not be loaded. %1</source>
        <extracomment>%1 says what went wrong, for example &quot;Can&apos;t reach the server at host:8000.&quot;</extracomment>
        <translation>Die Kunden konnten nicht geladen werden. %1</translation>
    </message>
</context>
<context>
    <name>portal::DeleteAccountDialog</name>
    <message>
        <source>Delete account</source>
        <translation>Konto löschen</translation>
    </message>
    <message>
        <source>&amp;Delete account</source>
        <translation>Konto &amp;löschen</translation>
    </message>
    <message>
        <source>Deleting your account removes it and everything in it from the server. This cannot be undone.</source>
        <translation>Wenn Sie Ihr Konto löschen, werden es und alles darin vom Server entfernt. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>You are signed in as %1.</source>
        <extracomment>%1 is the username of the account that would be deleted.</extracomment>
        <translation>Sie sind als %1 angemeldet.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <source>Type your username to confirm</source>
        <translation>Geben Sie zur Bestätigung Ihren Benutzernamen ein</translation>
    </message>
</context>
<context>
    <name>portal::ForgotPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Send reset message</source>
        <translation>Nachricht zum Zurücksetzen &amp;senden</translation>
    </message>
    <message>
        <source>I &amp;have a reset code</source>
        <translation>Ich &amp;habe einen Code</translation>
    </message>
    <message>
        <source>Set &amp;new password</source>
        <translation>&amp;Neues Passwort festlegen</translation>
    </message>
    <message>
        <source>Enter the email address of your account, and we will send a reset message to it.</source>
        <translation>Geben Sie die E-Mail-Adresse Ihres Kontos ein; wir senden eine Nachricht zum Zurücksetzen dorthin.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>I &amp;already have a code</source>
        <translation>Ich habe &amp;bereits einen Code</translation>
    </message>
    <message>
        <source>Paste the link or the code from the reset message, then choose a new password.</source>
        <translation>Fügen Sie den Link oder den Code aus der Nachricht ein und wählen Sie dann ein neues Passwort.</translation>
    </message>
    <message>
        <source>Reset code</source>
        <translation>Code zum Zurücksetzen</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>Neues Passwort bestätigen</translation>
    </message>
    <message>
        <source>Ask for a new reset &amp;message</source>
        <translation>Neue Nachricht an&amp;fordern</translation>
    </message>
    <message>
        <source>If an account uses this address, we sent it a reset message.</source>
        <translation>Falls ein Konto diese Adresse verwendet, haben wir ihm eine Nachricht zum Zurücksetzen gesendet.</translation>
    </message>
    <message>
        <source>Paste the link or the code from the reset message.</source>
        <translation>Fügen Sie den Link oder den Code aus der Nachricht ein.</translation>
    </message>
    <message>
        <source>This reset code is not valid any more. Ask for a new reset message.</source>
        <translation>Dieser Code ist nicht mehr gültig. Fordern Sie eine neue Nachricht an.</translation>
    </message>
</context>
<context>
    <name>portal::MainWindow</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Customer Portal</source>
        <translation>Kundenportal</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Server address…</source>
        <translation>&amp;Serveradresse …</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>Erschei&amp;nungsbild</translation>
    </message>
    <message>
        <source>S&amp;ystem</source>
        <translation>S&amp;ystem</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Customer Portal</source>
        <translation>&amp;Über Kundenportal</translation>
    </message>
    <message>
        <source>Discard your unsaved changes and change the server?</source>
        <translation>Ungespeicherte Änderungen verwerfen und den Server wechseln?</translation>
    </message>
    <message>
        <source>Discard and change server</source>
        <translation>Verwerfen und Server wechseln</translation>
    </message>
    <message>
        <source>About Customer Portal</source>
        <translation>Über Kundenportal</translation>
    </message>
    <message>
        <source>Customer Portal %1</source>
        <translation>Kundenportal %1</translation>
    </message>
    <message>
        <source>A desktop client for your customer account.

Qt version %1 (built with %2).
Licence: MIT License.</source>
        <translation>Ein Desktop-Programm für Ihr Kundenkonto.

Qt-Version %1 (erstellt mit %2).
Lizenz: MIT-Lizenz.</translation>
    </message>
    <message>
        <source>Discard your unsaved changes and quit?</source>
        <translation>Ungespeicherte Änderungen verwerfen und beenden?</translation>
    </message>
    <message>
        <source>Discard and quit</source>
        <translation>Verwerfen und beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Discard your unsaved changes to this customer?</source>
        <translation>Ungespeicherte Änderungen an diesen Kundendaten verwerfen?</translation>
    </message>
    <message>
        <source>Discard and leave</source>
        <translation>Verwerfen und Seite verlassen</translation>
    </message>
    <message>
        <source>Your account no longer has support staff access.</source>
        <translation>Ihr Konto hat keinen Support-Zugriff mehr.</translation>
    </message>
    <message>
        <source>Discard your unsaved changes and sign out?</source>
        <translation>Ungespeicherte Änderungen verwerfen und abmelden?</translation>
    </message>
    <message>
        <source>Discard and sign out</source>
        <translation>Verwerfen und abmelden</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>Your administrator set the server address.</source>
        <translation>Ihr Administrator hat die Serveradresse festgelegt.</translation>
    </message>
</context>
<context>
    <name>portal::MessageBanner</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>portal::NavigationBar</name>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>My profile</source>
        <translation>Mein Profil</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>&amp;Kunden</translation>
    </message>
    <message>
        <source>My &amp;profile</source>
        <translation>Mein &amp;Profil</translation>
    </message>
    <message>
        <source>All customers (%1)</source>
        <translation>Alle Kunden (%1)</translation>
    </message>
    <message>
        <source>Your own profile (%1)</source>
        <translation>Ihr eigenes Profil (%1)</translation>
    </message>
</context>
<context>
    <name>portal::ProfilePage</name>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Edit your profile (%1)</source>
        <translation>Profil bearbeiten (%1)</translation>
    </message>
    <message>
        <source>Reload from the server (%1)</source>
        <translation>Vom Server neu laden (%1)</translation>
    </message>
    <message>
        <source>Nothing to save: no field was changed.</source>
        <translation>Nichts zu speichern: Es wurde kein Feld geändert.</translation>
    </message>
    <message>
        <source>Discard your unsaved changes and reload the profile?</source>
        <translation>Ungespeicherte Änderungen verwerfen und das Profil neu laden?</translation>
    </message>
    <message>
        <source>Discard and reload</source>
        <translation>Verwerfen und neu laden</translation>
    </message>
    <message>
        <source>Discard your unsaved changes and sign out?</source>
        <translation>Ungespeicherte Änderungen verwerfen und abmelden?</translation>
    </message>
    <message>
        <source>Discard and sign out</source>
        <translation>Verwerfen und abmelden</translation>
    </message>
    <message>
        <source>You have unsaved changes from your last session. Review and save them.</source>
        <translation>Sie haben ungespeicherte Änderungen aus Ihrer letzten Sitzung. Prüfen und speichern Sie sie.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>This profile was changed elsewhere. Your edits are kept; review and save again.</source>
        <translation>Dieses Profil wurde an anderer Stelle geändert. Ihre Änderungen bleiben erhalten; prüfen Sie sie und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Discard your edits (%1)</source>
        <translation>Ihre Änderungen verwerfen (%1)</translation>
    </message>
    <message>
        <source>You can refresh again now.</source>
        <translation>Sie können jetzt erneut aktualisieren.</translation>
    </message>
</context>
<context>
    <name>portal::RegisterPage</name>
    <message>
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>Passwort bestätigen</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Optional, YYYY-MM-DD</source>
        <translation>Optional, JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>&amp;Konto erstellen</translation>
    </message>
    <message>
        <source>&amp;Back to sign in</source>
        <translation>&amp;Zurück zur Anmeldung</translation>
    </message>
    <message>
        <source>Back to sign in (%1)</source>
        <translation>Zurück zur Anmeldung (%1)</translation>
    </message>
</context>
<context>
    <name>portal::RememberMe</name>
    <message>
        <source>Remember me</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>Remember me is unavailable: no keychain was found on this computer.</source>
        <translation>„Angemeldet bleiben“ ist nicht verfügbar: Auf diesem Computer wurde kein Schlüsselbund gefunden.</translation>
    </message>
</context>
<context>
    <name>portal::RestoringPage</name>
    <message>
        <source>Restoring session</source>
        <translation>Sitzung wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Restoring session…</source>
        <translation>Sitzung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Sign in instead</source>
        <translation>Stattdessen anmelden</translation>
    </message>
    <message>
        <source>Your saved sign-in is kept. Try again when the server is back, or sign in again.</source>
        <translation>Ihre gespeicherte Anmeldung bleibt erhalten. Versuchen Sie es erneut, wenn der Server wieder erreichbar ist, oder melden Sie sich neu an.</translation>
    </message>
    <message>
        <source>Checking your saved sign-in with %1…</source>
        <translation>Ihre gespeicherte Anmeldung wird bei %1 geprüft …</translation>
    </message>
    <message>
        <source>Sign in without waiting for the server (%1)</source>
        <translation>Anmelden, ohne auf den Server zu warten (%1)</translation>
    </message>
</context>
<context>
    <name>portal::RetryCountdown</name>
    <message>
        <source>You can try again now.</source>
        <translation>Sie können es jetzt erneut versuchen.</translation>
    </message>
    <message numerus="yes">
        <source>The server asked to wait. Trying again in %n seconds.</source>
        <translation>
            <numerusform>Der Server bittet zu warten. Neuer Versuch in %n Sekunde.</numerusform>
            <numerusform>Der Server bittet zu warten. Neuer Versuch in %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Trying again…</source>
        <translation>Neuer Versuch …</translation>
    </message>
</context>
<context>
    <name>portal::ServerDialog</name>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>https://portal.example.com</source>
        <translation>https://portal.example.com</translation>
    </message>
    <message>
        <source>The address of your customer portal server. Use https; plain http works only for a server on this computer.</source>
        <translation>Die Adresse Ihres Kundenportal-Servers. Verwenden Sie https; unverschlüsseltes http funktioniert nur für einen Server auf diesem Computer.</translation>
    </message>
    <message>
        <source>Token (Django REST framework)</source>
        <translation>Token (Django REST framework)</translation>
    </message>
    <message>
        <source>JSON Web Token (simplejwt)</source>
        <translation>JSON Web Token (simplejwt)</translation>
    </message>
    <message>
        <source>&amp;Sign-in method</source>
        <translation>Anmelde&amp;verfahren</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Anmeldeverfahren</translation>
    </message>
    <message>
        <source>Ask your server&apos;s administrator if you are unsure; most servers use tokens.</source>
        <translation>Fragen Sie im Zweifel die Administration Ihres Servers; die meisten Server verwenden Tokens.</translation>
    </message>
    <message>
        <source>Customer Portal (/api/)</source>
        <translation>Kundenportal (/api/)</translation>
    </message>
    <message>
        <source>Djoser (/auth/)</source>
        <translation>Djoser (/auth/)</translation>
    </message>
    <message>
        <source>Server &amp;type</source>
        <translation>Server&amp;typ</translation>
    </message>
    <message>
        <source>Server type</source>
        <translation>Servertyp</translation>
    </message>
</context>
<context>
    <name>portal::SessionStatus</name>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>No server configured</source>
        <translation>Kein Server eingerichtet</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Abmeldung läuft …</translation>
    </message>
    <message>
        <source>Can&apos;t reach the server</source>
        <translation>Server nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>portal::SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Passwort anzeigen</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation>Sie haben sich abgemeldet.</translation>
    </message>
    <message>
        <source>You were signed out because the server address changed.</source>
        <translation>Sie wurden abgemeldet, weil sich die Serveradresse geändert hat.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Geben Sie Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>The server accepted your password but rejected the session it issued. Contact the server&apos;s administrator.</source>
        <translation>Der Server hat Ihr Passwort angenommen, aber die Sitzung abgelehnt, die er selbst ausgestellt hat. Wenden Sie sich an die Administration des Servers.</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>&amp;Konto erstellen</translation>
    </message>
    <message>
        <source>Customer Portal</source>
        <translation>Kundenportal</translation>
    </message>
    <message>
        <source>Welcome to Customer Portal. Sign in to see and update your account.</source>
        <translation>Willkommen im Kundenportal. Melden Sie sich an, um Ihr Konto zu sehen und zu bearbeiten.</translation>
    </message>
    <message>
        <source>Choose the server to connect to: Settings ▸ Server address…</source>
        <translation>Wählen Sie den Server, mit dem Sie sich verbinden möchten: Einstellungen ▸ Serveradresse …</translation>
    </message>
    <message>
        <source>Forgot pass&amp;word?</source>
        <translation>Passwort &amp;vergessen?</translation>
    </message>
    <message>
        <source>Set a new password with a message sent to your email</source>
        <translation>Ein neues Passwort mit einer Nachricht an Ihre E-Mail-Adresse festlegen</translation>
    </message>
    <message>
        <source>Your password was changed. Sign in with your new password.</source>
        <translation>Ihr Passwort wurde geändert. Melden Sie sich mit Ihrem neuen Passwort an.</translation>
    </message>
    <message>
        <source>Your account was deleted.</source>
        <translation>Ihr Konto wurde gelöscht.</translation>
    </message>
    <message>
        <source>Your password was reset. Sign in with your new password.</source>
        <translation>Ihr Passwort wurde zurückgesetzt. Melden Sie sich mit Ihrem neuen Passwort an.</translation>
    </message>
</context>
<context>
    <name>portal::Validation</name>
    <message>
        <source>Username must be at least 3 characters.</source>
        <translation>Der Benutzername muss mindestens 3 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Enter a valid email address.</source>
        <translation>Geben Sie eine gültige E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Password must be at least 8 characters.</source>
        <translation>Das Passwort muss mindestens 8 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Passwords do not match.</source>
        <translation>Die Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Enter the birth date as YYYY-MM-DD.</source>
        <translation>Geben Sie das Geburtsdatum als JJJJ-MM-TT ein.</translation>
    </message>
    <message>
        <source>Birth date can&apos;t be in the future.</source>
        <translation>Das Geburtsdatum darf nicht in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>That date doesn&apos;t exist.</source>
        <translation>Dieses Datum gibt es nicht.</translation>
    </message>
</context>
</TS>
