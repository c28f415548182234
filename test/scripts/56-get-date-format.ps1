$d = Get-Date -Year 2025 -Month 7 -Day 4 -Hour 9 -Minute 5 -Second 30
$d.ToString('yyyy-MM-dd HH:mm:ss')
Get-Date -Date $d -Format 'dd/MM/yyyy'
Get-Date -Date $d -UFormat '%Y%m%d'
$d.DayOfWeek
$d.AddMonths(6).Year
'{0:MMMM d}' -f $d
($d.AddDays(10) - $d).Days
