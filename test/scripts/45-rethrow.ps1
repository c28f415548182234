function Invoke-Risky {
    try {
        throw 'inner problem'
    } catch {
        throw "wrapped: $($_.Exception.Message)"
    }
}
try {
    Invoke-Risky
} catch {
    $_.Exception.Message
}
try {
    try { throw 'first' } catch { throw }
} catch {
    "outer got $_"
}
