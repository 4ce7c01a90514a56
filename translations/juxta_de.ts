<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>juxta::DetectedServersBanner</name>
    <message>
        <source>Servers found on this machine</source>
        <translation>Auf diesem Rechner gefundene Server</translation>
    </message>
    <message>
        <source>1 model</source>
        <translation>1 Modell</translation>
    </message>
    <message>
        <source>%1 models</source>
        <translation>%1 Modelle</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is running on %2 with %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; läuft auf %2 mit %3.</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>juxta::MainWindow</name>
    <message>
        <source>Juxta</source>
        <translation>Juxta</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Juxta</source>
        <translation>&amp;Über Juxta</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>About Juxta</source>
        <translation>Über Juxta</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Juxta %1&lt;/h3&gt;&lt;p&gt;Pick any model from any provider, compare answers side by side, and chain models into pipelines.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Juxta %1&lt;/h3&gt;&lt;p&gt;Jedes Modell jedes Anbieters wählen, Antworten nebeneinander vergleichen und Modelle zu Pipelines verketten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Configuration not loaded</source>
        <translation>Konfiguration nicht geladen</translation>
    </message>
    <message>
        <source>No conversation yet.
Add providers under Settings ▸ Providers…, pick a model above, or use “juxta ask” from a terminal.</source>
        <translation>Noch keine Unterhaltung.
Fügen Sie unter Einstellungen ▸ Anbieter… Anbieter hinzu, wählen Sie oben ein Modell oder verwenden Sie „juxta ask“ im Terminal.</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Providers…</source>
        <translation>&amp;Anbieter…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Start with an empty configuration</source>
        <translation>Mit leerer Konfiguration beginnen</translation>
    </message>
    <message>
        <source>Refreshing the model lists…</source>
        <translation>Modelllisten werden aktualisiert …</translation>
    </message>
</context>
<context>
    <name>juxta::ModelListModel</name>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>%1M context</source>
        <translation>%1M Kontext</translation>
    </message>
    <message>
        <source>%1k context</source>
        <translation>%1k Kontext</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <source>Recently used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>No models known yet</source>
        <translation>Noch keine Modelle bekannt</translation>
    </message>
    <message>
        <source>Use a model by name</source>
        <translation>Modell über seinen Namen verwenden</translation>
    </message>
    <message>
        <source>Open Providers… to test the connection and list its models</source>
        <translation>Öffnen Sie „Anbieter…“, um die Verbindung zu testen und die Modelle aufzulisten</translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation>Preis unbekannt</translation>
    </message>
    <message>
        <source>free</source>
        <translation>kostenlos</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <source>vision</source>
        <translation>Vision</translation>
    </message>
    <message>
        <source>Context window: %L1 tokens</source>
        <translation>Kontextfenster: %L1 Tokens</translation>
    </message>
    <message>
        <source>Max output: %L1 tokens</source>
        <translation>Max. Ausgabe: %L1 Tokens</translation>
    </message>
    <message>
        <source>Input %1, output %2 per 1M tokens</source>
        <translation>Eingabe %1, Ausgabe %2 pro 1 Mio. Tokens</translation>
    </message>
    <message>
        <source>Cached input %1 per 1M</source>
        <translation>Gecachte Eingabe %1 pro 1 Mio.</translation>
    </message>
    <message>
        <source>Higher prices above %L1 input tokens</source>
        <translation>Höhere Preise über %L1 Eingabe-Tokens</translation>
    </message>
    <message>
        <source>Price source: %1%2</source>
        <translation>Preisquelle: %1%2</translation>
    </message>
    <message>
        <source>Price unknown: costs are not computed for this model</source>
        <translation>Preis unbekannt: Für dieses Modell werden keine Kosten ermittelt</translation>
    </message>
</context>
<context>
    <name>juxta::ModelPicker</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Choose the model (Ctrl+M)</source>
        <translation>Modell wählen (Strg+M)</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Choose a model…</source>
        <translation>Modell wählen…</translation>
    </message>
</context>
<context>
    <name>juxta::ModelPickerPopup</name>
    <message>
        <source>Model picker</source>
        <translation>Modellauswahl</translation>
    </message>
    <message>
        <source>Search models — e.g. “sonnet”, “vision”, “free”, or profile/model-id</source>
        <translation>Modelle suchen – z. B. „sonnet“, „vision“, „free“ oder profile/model-id</translation>
    </message>
    <message>
        <source>Search models</source>
        <translation>Modelle suchen</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>↑↓ move · Enter choose · click ☆ to keep a model on top · Ctrl+R refresh · Esc close</source>
        <translation>↑↓ bewegen · Enter auswählen · ☆ anklicken, um ein Modell oben anzuheften · Strg+R aktualisieren · Esc schließen</translation>
    </message>
    <message>
        <source>Refresh lists</source>
        <translation>Listen aktualisieren</translation>
    </message>
    <message>
        <source>Ask every provider for its current models and prices (Ctrl+R)</source>
        <translation>Alle Anbieter nach ihren aktuellen Modellen und Preisen fragen (Strg+R)</translation>
    </message>
</context>
<context>
    <name>juxta::ProfileEditor</name>
    <message>
        <source>Send my key and prompts over plain http:// to this host anyway</source>
        <translation>Schlüssel und Prompts trotzdem unverschlüsselt über http:// an diesen Host senden</translation>
    </message>
    <message>
        <source>Remove stored key</source>
        <translation>Gespeicherten Schlüssel entfernen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>Profile id</source>
        <translation>Profil-ID</translation>
    </message>
    <message>
        <source>Starts model references such as openai/gpt-4o: lower-case letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;</source>
        <translation>Steht am Anfang von Modellreferenzen wie openai/gpt-4o: Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;</translation>
    </message>
    <message>
        <source>API style</source>
        <translation>API-Stil</translation>
    </message>
    <message>
        <source>OpenAI-compatible chat completions</source>
        <translation>OpenAI-kompatible Chat Completions</translation>
    </message>
    <message>
        <source>Anthropic Messages</source>
        <translation>Anthropic Messages</translation>
    </message>
    <message>
        <source>Google Gemini</source>
        <translation>Google Gemini</translation>
    </message>
    <message>
        <source>Ollama native</source>
        <translation>Ollama nativ</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Bearer token (Authorization header)</source>
        <translation>Bearer-Token (Authorization-Header)</translation>
    </message>
    <message>
        <source>Key in a named header</source>
        <translation>Schlüssel in einem benannten Header</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Kein Schlüssel</translation>
    </message>
    <message>
        <source>Key header name</source>
        <translation>Name des Schlüssel-Headers</translation>
    </message>
    <message>
        <source>e.g. OPENAI_API_KEY (optional)</source>
        <translation>z. B. OPENAI_API_KEY (optional)</translation>
    </message>
    <message>
        <source>Key environment variable</source>
        <translation>Umgebungsvariable für den Schlüssel</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Extra headers</source>
        <translation>Zusätzliche Header</translation>
    </message>
    <message>
        <source>Add header</source>
        <translation>Header hinzufügen</translation>
    </message>
    <message>
        <source>Remove header</source>
        <translation>Header entfernen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>&amp;ID</translation>
    </message>
    <message>
        <source>&amp;API style</source>
        <translation>API-S&amp;til</translation>
    </message>
    <message>
        <source>&amp;Base URL</source>
        <translation>&amp;Basis-URL</translation>
    </message>
    <message>
        <source>A&amp;uthentication</source>
        <translation>&amp;Authentifizierung</translation>
    </message>
    <message>
        <source>Key &amp;header</source>
        <translation>Schlüssel-&amp;Header</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API-&amp;Schlüssel</translation>
    </message>
    <message>
        <source>Key from &amp;environment</source>
        <translation>Schlüssel aus &amp;Umgebungsvariable</translation>
    </message>
    <message>
        <source>Made from the %1 preset. %2</source>
        <translation>Aus der Vorlage %1 erstellt. %2</translation>
    </message>
    <message>
        <source>Custom profile</source>
        <translation>Eigenes Profil</translation>
    </message>
    <message>
        <source>The id of a saved profile stays fixed; duplicate the profile to get another.</source>
        <translation>Die ID eines gespeicherten Profils ist fest; duplizieren Sie das Profil, um eine andere zu erhalten.</translation>
    </message>
    <message>
        <source>Plain http:// to a public host: anyone on the way can read your key and prompts.</source>
        <translation>Unverschlüsseltes http:// zu einem öffentlichen Host: Jeder auf dem Übertragungsweg kann Ihren Schlüssel und Ihre Prompts mitlesen.</translation>
    </message>
    <message>
        <source>Plain http:// is fine here: %1 is on this machine or your private network.</source>
        <translation>Unverschlüsseltes http:// ist hier in Ordnung: %1 liegt auf diesem Rechner oder in Ihrem privaten Netzwerk.</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>API-Schlüssel einfügen</translation>
    </message>
    <message>
        <source>The stored key will be removed when you save.</source>
        <translation>Der gespeicherte Schlüssel wird beim Speichern entfernt.</translation>
    </message>
    <message>
        <source>Using the key from the %1; a key saved here is used when it is not set.</source>
        <translation>Schlüsselquelle: %1 – ein hier gespeicherter Schlüssel wird nur verwendet, wenn dort keiner gesetzt ist.</translation>
    </message>
    <message>
        <source>Checking the %1…</source>
        <translation>Schlüsselspeicher wird geprüft (%1)…</translation>
    </message>
    <message>
        <source>A key is stored in the %1. Type a new one to replace it.</source>
        <translation>Ein Schlüssel ist im Schlüsselspeicher hinterlegt (%1). Geben Sie einen neuen ein, um ihn zu ersetzen.</translation>
    </message>
    <message>
        <source>(stored)</source>
        <translation>(gespeichert)</translation>
    </message>
    <message>
        <source>No key stored yet. It will be kept in the %1, never in a file.</source>
        <translation>Noch kein Schlüssel gespeichert. Er wird im Schlüsselspeicher abgelegt (%1), niemals in einer Datei.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Connected: 1 model available.</source>
        <translation>Verbunden: 1 Modell verfügbar.</translation>
    </message>
    <message>
        <source>Connected: %1 models available.</source>
        <translation>Verbunden: %1 Modelle verfügbar.</translation>
    </message>
</context>
<context>
    <name>juxta::ProvidersDialog</name>
    <message>
        <source>Cloud providers</source>
        <translation>Cloud-Anbieter</translation>
    </message>
    <message>
        <source>Routers and gateways</source>
        <translation>Router und Gateways</translation>
    </message>
    <message>
        <source>Servers on your machine</source>
        <translation>Server auf Ihrem Rechner</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a provider from a preset</source>
        <translation>Anbieter aus einer Vorlage hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Import/Export</source>
        <translation>Import/Export</translation>
    </message>
    <message>
        <source>Import profiles…</source>
        <translation>Profile importieren…</translation>
    </message>
    <message>
        <source>Import profiles</source>
        <translation>Profile importieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export profiles (without keys)…</source>
        <translation>Profile exportieren (ohne Schlüssel)…</translation>
    </message>
    <message>
        <source>Export profiles</source>
        <translation>Profile exportieren</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Removed %1. Cancel to undo.</source>
        <translation>%1 entfernt. Mit „Abbrechen“ rückgängig machen.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Nothing imported: %1</source>
        <translation>Nichts importiert: %1</translation>
    </message>
    <message>
        <source>Imported 1 profile.</source>
        <translation>1 Profil importiert.</translation>
    </message>
    <message>
        <source>Imported %1 profiles.</source>
        <translation>%1 Profile importiert.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported 1 profile, without keys.</source>
        <translation>1 Profil exportiert, ohne Schlüssel.</translation>
    </message>
    <message>
        <source>Exported %1 profiles, without keys.</source>
        <translation>%1 Profile exportiert, ohne Schlüssel.</translation>
    </message>
    <message>
        <source>Another profile already has the id “%1”.</source>
        <translation>Ein anderes Profil hat bereits die ID „%1“.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Still saving the keys of the last save.</source>
        <translation>Die Schlüssel der letzten Speicherung werden noch gesichert.</translation>
    </message>
    <message>
        <source>Saving the keys…</source>
        <translation>Schlüssel werden gespeichert …</translation>
    </message>
</context>
</TS>
