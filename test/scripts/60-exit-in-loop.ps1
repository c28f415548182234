# expect-exit 2
foreach ($i in 1..5) {
    "checking $i"
    if ($i -eq 2) {
        Write-Output 'giving up'
        exit $i
    }
}
'unreachable'
