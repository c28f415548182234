(Get-Command Where-Object).CommandType
(Get-Alias -Name where).Definition
(Get-Command -Name *-Object -CommandType Cmdlet).Count -gt 5
Get-Command -Syntax Select-String
function Get-Thing { param([string]$Name, [int]$Count) }
Get-Command -Syntax Get-Thing
