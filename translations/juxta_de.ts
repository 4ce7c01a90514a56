<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversation yet.
Add providers under Settings ▸ Providers…, pick a model above, or use “juxta ask” from a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Providers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::ModelListModel</name>
    <message>
        <source>local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1M context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1k context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No models known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a model by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Providers… to test the connection and list its models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context window: %L1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max output: %L1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input %1, output %2 per 1M tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached input %1 per 1M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher prices above %L1 input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price source: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price unknown: costs are not computed for this model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::ModelPicker</name>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the model (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::ModelPickerPopup</name>
    <message>
        <source>Model picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search models — e.g. “sonnet”, “vision”, “free”, or profile/model-id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ move · Enter choose · click ☆ to keep a model on top · Esc close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::ProfileEditor</name>
    <message>
        <source>Send my key and prompts over plain http:// to this host anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove stored key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts model references such as openai/gpt-4o: lower-case letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible chat completions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anthropic Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Gemini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama native</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token (Authorization header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key in a named header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key header name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. OPENAI_API_KEY (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key environment variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;API style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;uthentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key &amp;header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key from &amp;environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made from the %1 preset. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id of a saved profile stays fixed; duplicate the profile to get another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http:// to a public host: anyone on the way can read your key and prompts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http:// is fine here: %1 is on this machine or your private network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored key will be removed when you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using the key from the %1; a key saved here is used when it is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key is stored in the %1. Type a new one to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(stored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key stored yet. It will be kept in the %1, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: 1 model available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %1 models available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::ProvidersDialog</name>
    <message>
        <source>Cloud providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routers and gateways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers on your machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a provider from a preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import/Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export profiles (without keys)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1. Cancel to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported 1 profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported 1 profile, without keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 profiles, without keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is running on %2 with %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
