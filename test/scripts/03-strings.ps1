$s = '  Hello World  '
$s.Trim()
$s.Trim().ToUpper()
$s.Trim().ToLower()
$s.Trim().Length
'hello'.StartsWith('he')
'hello'.EndsWith('LO')
'hello'.Contains('ell')
'hello'.Replace('l', 'L')
'hello'.Substring(1, 3)
'hello'.IndexOf('l')
'a-b-c'.Split('-')
'abc'.PadLeft(5, '*')
'x' * 3
'Hello' + ' ' + 'World'
