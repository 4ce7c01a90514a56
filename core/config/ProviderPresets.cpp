// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/ProviderPresets.h"

using namespace Qt::StringLiterals;

namespace juxta {
namespace {

ProviderPreset openAiCompatible(QString id, QString name, QString url, QStringList env, QString vendor = {})
{
    ProviderPreset p;
    p.id = std::move(id);
    p.displayName = std::move(name);
    p.baseUrl = std::move(url);
    p.keyEnvVars = std::move(env);
    p.catalogKey = p.id;
    p.openRouterVendor = std::move(vendor);
    return p;
}

ProviderPreset localServer(QString id, QString name, ApiDialect dialect, QString url, int port)
{
    ProviderPreset p = openAiCompatible(std::move(id), std::move(name), std::move(url), {});
    p.dialect = dialect;
    p.auth = AuthStyle::None;
    p.needsKey = false;
    p.localPort = port;
    p.selfHosted = true;
    return p;
}

QList<ProviderPreset> makePresets()
{
    QList<ProviderPreset> list;
    list << openAiCompatible(u"openai"_s, u"OpenAI"_s, u"https://api.openai.com/v1"_s, {u"OPENAI_API_KEY"_s},
                             u"openai"_s);

    ProviderPreset anthropic = openAiCompatible(u"anthropic"_s, u"Anthropic"_s, u"https://api.anthropic.com/v1"_s,
                                                {u"ANTHROPIC_API_KEY"_s}, u"anthropic"_s);
    anthropic.dialect = ApiDialect::Anthropic;
    list << anthropic;

    ProviderPreset gemini = openAiCompatible(u"gemini"_s, u"Google Gemini"_s,
                                             u"https://generativelanguage.googleapis.com/v1beta"_s,
                                             {u"GEMINI_API_KEY"_s, u"GOOGLE_API_KEY"_s}, u"google"_s);
    gemini.dialect = ApiDialect::Gemini;
    list << gemini;
    ProviderPreset geminiOpenAi = openAiCompatible(u"gemini-openai"_s, u"Google Gemini (OpenAI-compatible)"_s,
                                                   u"https://generativelanguage.googleapis.com/v1beta/openai"_s,
                                                   {u"GEMINI_API_KEY"_s, u"GOOGLE_API_KEY"_s}, u"google"_s);
    geminiOpenAi.catalogKey = u"gemini"_s;
    list << geminiOpenAi;

    list << openAiCompatible(u"deepseek"_s, u"DeepSeek"_s, u"https://api.deepseek.com/v1"_s,
                             {u"DEEPSEEK_API_KEY"_s}, u"deepseek"_s)
         << openAiCompatible(u"mistral"_s, u"Mistral"_s, u"https://api.mistral.ai/v1"_s, {u"MISTRAL_API_KEY"_s},
                             u"mistralai"_s)
         << openAiCompatible(u"qwen"_s, u"Qwen (DashScope)"_s, u"https://dashscope-intl.aliyuncs.com/compatible-mode/v1"_s,
                             {u"DASHSCOPE_API_KEY"_s}, u"qwen"_s)
         << openAiCompatible(u"xai"_s, u"xAI"_s, u"https://api.x.ai/v1"_s, {u"XAI_API_KEY"_s}, u"x-ai"_s)
         << openAiCompatible(u"groq"_s, u"Groq"_s, u"https://api.groq.com/openai/v1"_s, {u"GROQ_API_KEY"_s})
         << openAiCompatible(u"together"_s, u"Together AI"_s, u"https://api.together.xyz/v1"_s,
                             {u"TOGETHER_API_KEY"_s})
         << openAiCompatible(u"fireworks"_s, u"Fireworks AI"_s, u"https://api.fireworks.ai/inference/v1"_s,
                             {u"FIREWORKS_API_KEY"_s});

    ProviderPreset openRouter = openAiCompatible(u"openrouter"_s, u"OpenRouter"_s, u"https://openrouter.ai/api/v1"_s,
                                                 {u"OPENROUTER_API_KEY"_s});
    openRouter.extraHeaders = {{"HTTP-Referer", "https://juxta.org"}, {"X-Title", "Juxta"}}; // app attribution
    list << openRouter;

    ProviderPreset azure = openAiCompatible(
        u"azure"_s, u"Azure OpenAI"_s,
        u"https://YOUR-RESOURCE.openai.azure.com/openai/deployments/YOUR-DEPLOYMENT?api-version=2024-10-21"_s,
        {u"AZURE_OPENAI_API_KEY"_s});
    azure.auth = AuthStyle::Header;
    azure.authHeader = "api-key";
    azure.catalogKey = u"openai"_s;
    azure.setupHint = u"Put your resource and deployment names into the URL; the model name is the deployment's."_s;
    list << azure;

    ProviderPreset litellm = openAiCompatible(u"litellm"_s, u"LiteLLM proxy"_s, u"http://127.0.0.1:4000/v1"_s,
                                              {u"LITELLM_API_KEY"_s});
    litellm.needsKey = false;
    list << litellm;
    ProviderPreset portkey = openAiCompatible(u"portkey"_s, u"Portkey"_s, u"https://api.portkey.ai/v1"_s,
                                              {u"PORTKEY_API_KEY"_s});
    portkey.auth = AuthStyle::Header;
    portkey.authHeader = "x-portkey-api-key";
    portkey.setupHint = u"Add an x-portkey-virtual-key or x-portkey-config header naming your Portkey setup."_s;
    list << portkey;

    list << localServer(u"ollama"_s, u"Ollama"_s, ApiDialect::Ollama, u"http://127.0.0.1:11434"_s, 11434)
         << localServer(u"lmstudio"_s, u"LM Studio"_s, ApiDialect::OpenAi, u"http://127.0.0.1:1234/v1"_s, 1234)
         << localServer(u"llamacpp"_s, u"llama.cpp server"_s, ApiDialect::OpenAi, u"http://127.0.0.1:8080/v1"_s, 8080);
    // Built in, offline, free: answers come from Juxta itself (see core/offline), never from the network.
    ProviderPreset echo = localServer(u"echo"_s, u"Offline · Echo"_s, ApiDialect::OpenAi,
                                      u"juxta-offline://echo/v1?ttft_ms=250&tokens_per_second=40"_s, 0);
    echo.setupHint = u"Streams your prompt back (models echo, echo-reverse, echo-upper, echo-word-count); set "
                     "ttft_ms, tokens_per_second, jitter and token_unit (word, char, estimate) in the base URL."_s;
    list << echo;
    ProviderPreset scripted = localServer(u"scripted"_s, u"Offline · Scripted"_s, ApiDialect::OpenAi,
                                          u"juxta-offline://scripted/v1?script=demo"_s, 0);
    scripted.setupHint = u"Answers from a file of canned answers, with their own speeds and faults (429, 5xx, cut, "
                         "stall): replace script=demo with file=/path/to/answers.jsonl (format in the README)."_s;
    list << scripted;
    ProviderPreset vllm = localServer(u"vllm"_s, u"vLLM"_s, ApiDialect::OpenAi, u"http://127.0.0.1:8000/v1"_s, 0);
    vllm.auth = AuthStyle::Bearer; // `vllm serve --api-key` is common
    vllm.keyEnvVars = {u"VLLM_API_KEY"_s};
    list << vllm;

    ProviderPreset custom = openAiCompatible(u"custom"_s, u"Custom OpenAI-compatible"_s, QString(), {});
    custom.needsKey = false;
    custom.setupHint = u"Any server that speaks the OpenAI chat-completions API."_s;
    list << custom;
    return list;
}

} // namespace

const QList<ProviderPreset>& providerPresets()
{
    static const QList<ProviderPreset> presets = makePresets();
    return presets;
}

const ProviderPreset* findPreset(const QString& id)
{
    for (const ProviderPreset& p : providerPresets()) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

ProviderProfile profileFromPreset(const ProviderPreset& preset, const QString& id)
{
    ProviderProfile profile;
    profile.id = id.isEmpty() ? preset.id : id;
    profile.displayName = preset.displayName;
    profile.dialect = preset.dialect;
    profile.baseUrl = QUrl(preset.baseUrl);
    profile.extraHeaders = preset.extraHeaders;
    profile.presetId = preset.id;
    profile.auth = preset.auth;
    profile.authHeader = preset.authHeader;
    profile.keyEnvVar = preset.keyEnvVars.value(0);
    return profile;
}

} // namespace juxta
