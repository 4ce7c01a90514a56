# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for juxta: commands, options, profile ids and the model references of the cached model lists
# (read with `juxta profiles --json` / `juxta models --json`, which never go to the network).
_juxta_profiles() { juxta profiles --json 2>/dev/null | sed -n 's/^    "id": "\(.*\)",$/\1/p'; }
_juxta_models() { juxta models --json 2>/dev/null | sed -n 's/^    "ref": "\(.*\)",$/\1/p'; }

_juxta()
{
    local cur prev words cword
    _init_completion -n : 2>/dev/null || { cur="${COMP_WORDS[COMP_CWORD]}"; prev="${COMP_WORDS[COMP_CWORD-1]}"; cword=$COMP_CWORD; words=("${COMP_WORDS[@]}"); }
    local commands="ask compare run models profiles key budget history report"
    local connection="--config --base-url --api --api-key-env --idle-timeout --connect-timeout --allow-insecure-http --max-answer-size --max-duration"
    local command="" i
    for ((i = 1; i < cword; i++)); do
        case " $commands " in *" ${words[i]} "*) command="${words[i]}"; break ;; esac
    done
    case "$prev" in
        --model|--fallback) COMPREPLY=($(compgen -W "$(_juxta_models)" -- "$cur")); return ;;
        --profile|--remove) COMPREPLY=($(compgen -W "$(_juxta_profiles)" -- "$cur")); return ;;
        --config|--prices|--tools|--output|-o|--report|--export|--import|--input|--database|--allow-read)
            COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --api) COMPREPLY=($(compgen -W "openai anthropic gemini ollama" -- "$cur")); return ;;
        --strategy) COMPREPLY=($(compgen -W "priority cheapest fastest round-robin split:" -- "$cur")); return ;;
        --reasoning-effort) COMPREPLY=($(compgen -W "low medium high" -- "$cur")); return ;;
        --action) COMPREPLY=($(compgen -W "warn block" -- "$cur")); return ;;
        --kind) COMPREPLY=($(compgen -W "conversation comparison run batch" -- "$cur")); return ;;
        --format) COMPREPLY=($(compgen -W "html md csv json" -- "$cur")); return ;;
        --add) COMPREPLY=($(compgen -W "openai anthropic gemini openrouter deepseek mistral groq together ollama lmstudio llamacpp litellm echo scripted" -- "$cur")); return ;;
    esac
    local options
    case "$command" in
        "") options="--help --version --config"
            if [[ "$cur" != -* ]]; then
                COMPREPLY=($(compgen -W "$commands" -- "$cur") $(compgen -f -X '!*.juxta' -- "$cur"))
                return
            fi ;;
        ask) options="$connection --model --system --temperature --top-p --max-tokens --seed --stop --tools --json --estimate --reasoning-effort --save --fallback --strategy --retries --no-retry --max-retry-after --fallback-on-content-filter --stop-after-partial --route-seed --prices --context-window" ;;
        compare) options="$connection --model --repeat --system --temperature --max-tokens --json --save --events --report" ;;
        run) options="$connection --var --from --cache --estimate --validate --allow-read --json --input --concurrency --output --resume --report"
            if [[ "$cur" != -* ]]; then COMPREPLY=($(compgen -f -X '!*.juxta' -- "$cur") $(compgen -d -- "$cur")); return; fi ;;
        models) options="$connection --profile --refresh --json" ;;
        profiles) options="--config --json --add --id --base-url --allow-insecure-http --remove --export --import" ;;
        key) options="--config --json"
            if [[ "$cur" != -* ]]; then
                if [[ "$prev" == key ]]; then COMPREPLY=($(compgen -W "set delete test" -- "$cur"))
                else COMPREPLY=($(compgen -W "$(_juxta_profiles)" -- "$cur")); fi
                return
            fi ;;
        budget) options="--config --per-request --per-day --action --json" ;;
        history) options="--search --json --kind --format --output --database"
            if [[ "$cur" != -* && "$prev" == history ]]; then COMPREPLY=($(compgen -W "list show export import" -- "$cur")); return; fi ;;
        report) options="--comparison --run --conversation --output -o --format --include --database --json" ;;
    esac
    COMPREPLY=($(compgen -W "$options --help" -- "$cur"))
}
complete -F _juxta juxta
