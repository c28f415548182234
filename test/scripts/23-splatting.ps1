function Show-Info { param($Name, $Count = 1, [switch]$Loud) "$Name x$Count loud=$Loud" }
$params = @{ Name = 'item'; Count = 3 }
Show-Info @params
$list = 'pos', 7
Show-Info @list
Show-Info @params -Loud
