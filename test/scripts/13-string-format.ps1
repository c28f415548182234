'{0} has {1} items' -f 'Box', 3
'{0:N2}' -f 1234.5678
'{0:D4}' -f 42
'{0,6}|' -f 'ab'
'{0,-6}|' -f 'ab'
'{0:X}' -f 255
'{0:0.0}' -f 3.14159
(Get-Date -Year 2024 -Month 3 -Day 5).ToString('yyyy-MM-dd')
'a,b;c' -split '[,;]'
'Hello World' -replace 'World', 'There'
'2024-01-15' -replace '(\d+)-(\d+)-(\d+)', '$3/$2/$1'
('a', 'b', 'c') -join ', '
