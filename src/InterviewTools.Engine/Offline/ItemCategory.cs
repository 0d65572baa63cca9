namespace InterviewTools.Engine.Offline
{
    internal enum ItemCategory
    {
        None,
        Question,
        Experience,
        Tip,
        Advice,
    }
}
