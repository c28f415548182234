# expect-exit 3
'running'
if ($true) { exit 3 }
'never'
