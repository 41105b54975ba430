/**
 * Words that are also names ("Will", "Grace", "Hope", "Brown", "Apple", "Linear"). A name part or a company
 * name on this list is still redacted, but only where it is written as a name — as given, or in capitals —
 * never in lower case: "Thanks, Will" loses the name, "will this work?" keeps its verb. The cost is that a
 * sentence starting with "Will" loses that word too; a wrongly kept name would be worse.
 */
const WORDS = `
a about above after again all also always am an and any april are art as at august autumn baker bank be bear
bell bill bird black bliss blue bob bond booth born bowl brand bread brook brown buck bush but by can cash chance
chase cherry church clay cliff cloud coin cole cook cooper core crane cross crow dale dash dawn day dean december
del dell do don dove drake duke dusk earl early east echo ed eve ever faith fall february field fish fisher flint
ford forest fox frank friday gale gay gem general gift glass glen gold golden good grace grant gray green grey guy
hall hardy harper hawk heart heath her hill holly honey hope house hunt hunter iris is it ivory ivy jack jade jan
january jay jet joy judge july june just king kit lamb lance lane lark laurel law lee legend liberty light lily
lin linear long lord love lucky mac major march mark marsh mason may meadow merry mill miller mint mo monday moon
more moss mr mrs ms my nash new news nick night noble north notion oak ocean of on one or page palmer park parker
patience pat peace pearl penny pepper piper pike pine pink plain poole pope porter post price prince quest rain
ray reed rich river robin rock rose ruby rush rust sage saint sale sandy sawyer scott sea september shadow sharp
shaw shell sky slack smith snow sol south spring square stack star sterling stone storm story strong summer sun
sunday swift taylor teal the this thursday to today tom tuesday turner unity up us van victory wade walker ward
warren water watt way we webb wednesday well wells west white will win winter wise wolf wood woods worth wren
yang young zen apple amazon oracle target shell visa signal zoom box uber lyft stripe segment mixpanel
`;

const COMMON = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));

export function isCommonWord(word: string): boolean {
  return COMMON.has(word.toLowerCase());
}
