# SPDX-License-Identifier: GPL-3.0-or-later
# fish completion for juxta: commands, options, profile ids and the model references of the cached model lists.
function __juxta_profiles; juxta profiles --json 2>/dev/null | string replace -rf '^    "id": "(.*)",$' '$1'; end
function __juxta_models; juxta models --json 2>/dev/null | string replace -rf '^    "ref": "(.*)",$' '$1'; end
set -l commands ask compare run models profiles key budget history report
complete -c juxta -f
complete -c juxta -n "not __fish_seen_subcommand_from $commands" -a "$commands"
complete -c juxta -n "not __fish_seen_subcommand_from $commands" -a "(__fish_complete_suffix .juxta)"
complete -c juxta -l help -d 'Help'
complete -c juxta -l version -d 'Version'
complete -c juxta -l config -r -F -d 'Configuration file'
set -l connection ask compare run models
for option in base-url api-key-env idle-timeout connect-timeout max-answer-size max-duration
    complete -c juxta -n "__fish_seen_subcommand_from $connection" -l $option -r
end
complete -c juxta -n "__fish_seen_subcommand_from $connection" -l api -xa 'openai anthropic gemini ollama'
complete -c juxta -n "__fish_seen_subcommand_from $connection profiles" -l allow-insecure-http
complete -c juxta -n "__fish_seen_subcommand_from ask compare" -l model -xa '(__juxta_models)'
complete -c juxta -n "__fish_seen_subcommand_from ask" -l fallback -xa '(__juxta_models)'
for option in system temperature max-tokens
    complete -c juxta -n "__fish_seen_subcommand_from ask compare" -l $option -r
end
for option in top-p seed stop strategy retries max-retry-after route-seed context-window
    complete -c juxta -n "__fish_seen_subcommand_from ask" -l $option -r
end
complete -c juxta -n "__fish_seen_subcommand_from ask" -l reasoning-effort -xa 'low medium high'
complete -c juxta -n "__fish_seen_subcommand_from ask" -l tools -r -F
complete -c juxta -n "__fish_seen_subcommand_from ask" -l prices -r -F
for flag in estimate no-retry fallback-on-content-filter stop-after-partial
    complete -c juxta -n "__fish_seen_subcommand_from ask" -l $flag
end
complete -c juxta -n "__fish_seen_subcommand_from ask compare" -l save
complete -c juxta -n "__fish_seen_subcommand_from compare" -l repeat -r
complete -c juxta -n "__fish_seen_subcommand_from compare" -l events
complete -c juxta -n "__fish_seen_subcommand_from compare run" -l report -r -F
complete -c juxta -n "__fish_seen_subcommand_from run" -a "(__fish_complete_suffix .juxta)"
for option in var from concurrency resume
    complete -c juxta -n "__fish_seen_subcommand_from run" -l $option -r
end
for option in allow-read input output
    complete -c juxta -n "__fish_seen_subcommand_from run" -l $option -r -F
end
for flag in cache estimate validate
    complete -c juxta -n "__fish_seen_subcommand_from run" -l $flag
end
complete -c juxta -n "__fish_seen_subcommand_from ask compare run models profiles key budget history report" -l json
complete -c juxta -n "__fish_seen_subcommand_from models" -l profile -xa '(__juxta_profiles)'
complete -c juxta -n "__fish_seen_subcommand_from models" -l refresh
for option in add id base-url
    complete -c juxta -n "__fish_seen_subcommand_from profiles" -l $option -r
end
complete -c juxta -n "__fish_seen_subcommand_from profiles" -l remove -xa '(__juxta_profiles)'
complete -c juxta -n "__fish_seen_subcommand_from profiles" -l export -r -F
complete -c juxta -n "__fish_seen_subcommand_from profiles" -l import -r -F
complete -c juxta -n "__fish_seen_subcommand_from key; and not __fish_seen_subcommand_from set delete test" -a 'set delete test'
complete -c juxta -n "__fish_seen_subcommand_from set delete test" -xa '(__juxta_profiles)'
complete -c juxta -n "__fish_seen_subcommand_from budget" -l per-request -r
complete -c juxta -n "__fish_seen_subcommand_from budget" -l per-day -r
complete -c juxta -n "__fish_seen_subcommand_from budget" -l action -xa 'warn block'
complete -c juxta -n "__fish_seen_subcommand_from history; and not __fish_seen_subcommand_from list show export import" -a 'list show export import'
complete -c juxta -n "__fish_seen_subcommand_from history" -l search -r
complete -c juxta -n "__fish_seen_subcommand_from history" -l kind -xa 'conversation comparison run batch'
complete -c juxta -n "__fish_seen_subcommand_from history report" -l format -xa 'json md html csv'
complete -c juxta -n "__fish_seen_subcommand_from history report" -l output -s o -r -F
complete -c juxta -n "__fish_seen_subcommand_from history report" -l database -r -F
for option in comparison run conversation include
    complete -c juxta -n "__fish_seen_subcommand_from report" -l $option -r
end
