try {
    1 / 0
} catch [System.DivideByZeroException] {
    'divide by zero'
} catch {
    'other'
}
try {
    Get-Item ./missing -ErrorAction Stop
} catch [System.Management.Automation.ItemNotFoundException] {
    'item not found'
} catch {
    "other: $($_.Exception.GetType().Name)"
}
