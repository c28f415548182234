Write-Output 'Hello, world'
"2 + 3 = $(2 + 3)"
$name = 'jafs'
"Name: $name"
'Single $name'
echo one two
