# expect-failed
function Set-Level {
    param(
        [Parameter(Mandatory)]
        [ValidateSet('Low', 'High')]
        [string]$Level
    )
    "Level set to $Level"
}
Set-Level -Level high
Set-Level Medium
'done'
